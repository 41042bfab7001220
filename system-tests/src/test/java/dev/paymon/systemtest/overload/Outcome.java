package dev.paymon.systemtest.overload;

/**
 * The answer to one request of a load run.
 *
 * @param paymentId   the payment it carried
 * @param intendedAt  when it was due ({@link System#nanoTime()}), whether or not the client managed to send it then
 * @param latencyNanos from {@code intendedAt} to the whole answer (or the failure), so a client that falls behind
 *                    does not hide the wait (no coordinated omission)
 * @param status      the HTTP status, or 0 when there was no answer
 * @param problemType the {@code type} of a problem-detail body, else null
 * @param failure     why there was no answer (the exception's class and message), else null
 */
record Outcome(String paymentId, long intendedAt, long latencyNanos, int status, String problemType, String failure) {

    boolean acknowledged() {
        return status == 202;
    }

    /** A 429 or 503 answered as a problem detail with a type. */
    boolean shedAsProblem() {
        return (status == 429 || status == 503) && problemType != null;
    }

    double latencyMillis() {
        return latencyNanos / 1e6;
    }
}
