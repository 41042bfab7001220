package dev.paymon.benchmark.report;

/**
 * A target of the issue for one value of a row: a bound on the value itself or on its ratio to the baseline.
 *
 * @param index   which of the row's values it applies to
 * @param atLeast a lower bound (else an upper bound)
 * @param onRatio on the ratio to the baseline (else on the value)
 */
public record Target(int index, boolean atLeast, boolean onRatio, double bound) {

    public static Target atLeast(double bound) {
        return new Target(0, true, false, bound);
    }

    public static Target atMost(int index, double bound) {
        return new Target(index, false, false, bound);
    }

    public static Target ratioAtLeast(double bound) {
        return new Target(0, true, true, bound);
    }

    /** Whether {@code value} (or {@code ratio}) meets it; false when what it needs is missing. */
    public boolean met(double value, double ratio) {
        double x = onRatio ? ratio : value;
        if (Double.isNaN(x)) {
            return false;
        }
        return atLeast ? x >= bound : x <= bound;
    }

    /** E.g. {@code ≥ 75 % of baseline}, {@code p99 ≤ 50}. */
    public String describe(String valueName) {
        String op = atLeast ? "≥ " : "≤ ";
        if (onRatio) {
            return op + plain(bound * 100) + " % of baseline";
        }
        return (valueName.isEmpty() ? "" : valueName + " ") + op + plain(bound);
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? String.format(java.util.Locale.ROOT, "%,.0f", bound)
                : String.valueOf(bound);
    }
}
