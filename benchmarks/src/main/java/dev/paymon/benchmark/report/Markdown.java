package dev.paymon.benchmark.report;

import java.util.List;
import java.util.Locale;

/** Markdown tables and the number format of the report. */
public final class Markdown {

    private Markdown() {
    }

    /**
     * A number with as many digits as are meaningful: thousands separated and no decimals from 100 up, none for
     * whole numbers, one decimal from 10, two below; {@code n/a} for NaN; {@value #NOT_KEPT_UP} for positive
     * infinity, the latency recorded for a rate the pipeline was not offered because a lower one outran it.
     */
    public static final String NOT_KEPT_UP = "not kept up";

    public static String number(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return NOT_KEPT_UP;
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A ratio with two decimals, e.g. {@code 0.75}; {@code ∞} for an unbounded figure; {@code n/a} for NaN. */
    public static String ratio(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "∞";
        }
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A table with a header line; cells must not contain line breaks ({@code |} is escaped). */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        out.append('|');
        header.forEach(h -> out.append(" --- |"));
        out.append('\n');
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}
