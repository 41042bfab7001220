package dev.paymon.benchmark;

import java.util.Locale;

/** Progress lines on stderr, with the minutes and seconds since the start, so stdout holds only the report. */
final class Progress {

    private static final long START = System.nanoTime();

    private Progress() {
    }

    static void log(String format, Object... args) {
        long seconds = (System.nanoTime() - START) / 1_000_000_000L;
        System.err.printf(Locale.ROOT, "[%02d:%02d] %s%n", seconds / 60, seconds % 60,
                String.format(Locale.ROOT, format, args));
        System.err.flush();
    }
}
