package dev.paymon.subscriber.stats;

import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/stats}, from the projections' running counts. {@code byRule} and {@code byReason}
 * name every rule and reason of the contract, in its order and with 0 when there are none, so clients need not know
 * the lists; a value the database holds that this version does not know is listed after them.
 *
 * @param deadLetters           the processor's dead letters ({@code payments.dlq.v1}), with the newest
 * @param subscriberDeadLetters the records this service could not project ({@code subscriber.dlq.v1})
 */
record StatsResponse(Payments payments, Alerts alerts, DeadLetters deadLetters,
                     SubscriberDeadLetters subscriberDeadLetters) {

    static final String PAYMENTS = "payments.";
    static final String LATE_PAYMENTS = "payments.late";
    static final String ALERTS = "alerts.";
    static final String ACKNOWLEDGED_ALERTS = "alerts.acknowledged.";
    static final String DEAD_LETTERS = "dead_letters.";
    static final String SUBSCRIBER_DEAD_LETTERS = "subscriber_dead_letters.";

    /** @param late processed after their window had closed (also counted as accepted or flagged) */
    record Payments(long total, long accepted, long flagged, long late) {

        static Payments of(Map<String, Long> counts) {
            Map<String, Long> byStatus = under(PAYMENTS, counts);
            byStatus.remove(LATE_PAYMENTS.substring(PAYMENTS.length()));
            return new Payments(sum(byStatus), byStatus.getOrDefault(PaymentStatus.ACCEPTED.name(), 0L),
                    byStatus.getOrDefault(PaymentStatus.FLAGGED.name(), 0L), counts.getOrDefault(LATE_PAYMENTS, 0L));
        }
    }

    /** @param open not acknowledged yet */
    record Alerts(long total, long open, Map<String, Long> byRule) {

        static Alerts of(Map<String, Long> counts) {
            Map<String, Long> byRule = under(ALERTS, counts);
            byRule.keySet().removeIf(name -> name.contains("."));
            long acknowledged = sum(under(ACKNOWLEDGED_ALERTS, counts));
            return new Alerts(sum(byRule), sum(byRule) - acknowledged, everyConstant(FraudRule.class, byRule));
        }
    }

    record DeadLetters(long total, Map<String, Long> byReason, List<LastDeadLetter> last) {

        static DeadLetters of(Map<String, Long> counts, List<LastDeadLetter> last) {
            Map<String, Long> byReason = under(DEAD_LETTERS, counts);
            return new DeadLetters(sum(byReason), everyConstant(DeadLetterReason.class, byReason), List.copyOf(last));
        }
    }

    record SubscriberDeadLetters(long total, Map<String, Long> byReason) {

        static SubscriberDeadLetters of(Map<String, Long> counts) {
            Map<String, Long> byReason = under(SUBSCRIBER_DEAD_LETTERS, counts);
            return new SubscriberDeadLetters(sum(byReason), everyConstant(DeadLetterReason.class, byReason));
        }
    }

    /** The counters whose name starts with {@code prefix}, by the rest of their name. */
    private static Map<String, Long> under(String prefix, Map<String, Long> counts) {
        Map<String, Long> found = new LinkedHashMap<>();
        counts.forEach((name, count) -> {
            if (name.startsWith(prefix)) {
                found.put(name.substring(prefix.length()), count);
            }
        });
        return found;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static <E extends Enum<E>> Map<String, Long> everyConstant(Class<E> type, Map<String, Long> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            all.put(constant.name(), 0L);
        }
        all.putAll(counts);
        return all;
    }
}
