package dev.paymon.processor.rules;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code IMPOSSIBLE_TRAVEL}, severity HIGH (a card used in two countries at once is very likely
 * cloned): two payments of one account from different countries less than {@code maxGap} apart in
 * event time. The new payment is compared with the account's other payments both before and after it
 * in event time, so the order of arrival does not matter. One alert per pair: its id comes from the
 * two payment ids sorted, and it lists them in event-time order.
 */
public final class ImpossibleTravelRule {

    private static final Comparator<Sighting> EVENT_TIME_ORDER =
            Comparator.comparing(Sighting::occurredAt).thenComparing(Sighting::paymentId);

    private final Duration maxGap;

    public ImpossibleTravelRule(Duration maxGap) {
        this.maxGap = maxGap;
    }

    public Duration maxGap() {
        return maxGap;
    }

    /** @param others the account's payments seen before this one (any event time) */
    public List<Finding> check(String accountId, Sighting payment, Collection<Sighting> others) {
        return others.stream()
                .filter(other -> !other.country().equals(payment.country()))
                .filter(other -> Duration.between(other.occurredAt(), payment.occurredAt()).abs().compareTo(maxGap) < 0)
                .sorted(EVENT_TIME_ORDER)
                .map(other -> pair(accountId, payment, other))
                .toList();
    }

    private static Finding pair(String accountId, Sighting one, Sighting other) {
        String discriminator = Stream.of(one.paymentId(), other.paymentId()).sorted()
                .reduce((first, second) -> first + "|" + second).orElseThrow();
        List<String> paymentIds = Stream.of(one, other).sorted(EVENT_TIME_ORDER).map(Sighting::paymentId).toList();
        return new Finding(FraudRule.IMPOSSIBLE_TRAVEL, Severity.HIGH, accountId, discriminator, paymentIds);
    }
}
