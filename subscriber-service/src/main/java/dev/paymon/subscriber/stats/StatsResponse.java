package dev.paymon.subscriber.stats;

import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/stats}. {@code byRule} and {@code byReason} name every rule and reason
 * of the contract, in its order and with 0 when there are none, so clients need not know the lists; a
 * value the database holds that this version does not know is listed after them.
 */
record StatsResponse(Payments payments, Alerts alerts, DeadLetters deadLetters) {

    record Payments(long total, long accepted, long flagged) {

        static Payments of(Map<String, Long> byStatus) {
            return new Payments(sum(byStatus), byStatus.getOrDefault(PaymentStatus.ACCEPTED.name(), 0L),
                    byStatus.getOrDefault(PaymentStatus.FLAGGED.name(), 0L));
        }
    }

    record Alerts(long total, long open, Map<String, Long> byRule) {

        static Alerts of(List<StatsRepository.RuleCount> byRule) {
            Map<String, Long> counts = new LinkedHashMap<>();
            byRule.forEach(count -> counts.put(count.rule(), count.alerts()));
            return new Alerts(sum(counts), byRule.stream().mapToLong(StatsRepository.RuleCount::open).sum(),
                    everyConstant(FraudRule.class, counts));
        }
    }

    record DeadLetters(long total, Map<String, Long> byReason, List<LastDeadLetter> last) {

        static DeadLetters of(Map<String, Long> byReason, List<LastDeadLetter> last) {
            return new DeadLetters(sum(byReason), everyConstant(DeadLetterReason.class, byReason), List.copyOf(last));
        }
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
