package dev.paymon.publisher.simulation;

/**
 * How many payments are due at a tick to keep the configured rate, from the time that actually passed (ticks
 * may come late). A group sent whole may overdraw the budget; later ticks then send less, so the average rate
 * holds. After a stall (Kafka slow or away) at most one second's worth, or one burst, is made up at once.
 */
final class SendBudget {

    private final double perNano;
    private final double cap;
    private double credit;
    private long last;

    SendBudget(double ratePerSecond, long nowNanos) {
        this.perNano = ratePerSecond / 1e9;
        this.cap = Math.max(ratePerSecond, Pattern.BURST.size());
        this.last = nowNanos;
    }

    /** Payments due now (0 if none). */
    int due(long nowNanos) {
        credit = Math.min(cap, credit + (nowNanos - last) * perNano);
        last = nowNanos;
        return credit >= 1 ? (int) credit : 0;
    }

    void spent(int payments) {
        credit -= payments;
    }
}
