package dev.paymon.processor.monitoring;

import dev.paymon.processor.rules.DailyLimitRule;
import dev.paymon.processor.rules.Finding;
import dev.paymon.processor.rules.FraudRules;
import dev.paymon.processor.rules.Sighting;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Runs the fraud rules for one payment against the account's state and records the payment in that
 * state: its sighting for IMPOSSIBLE_TRAVEL (a window store keyed by account and event time, expired by
 * retention) and its spend for DAILY_LIMIT (a window store keyed by account and UTC day).
 */
final class FraudChecks {

    private final FraudRules rules;
    private final WindowStore<String, Sighting> sightings;
    private final WindowStore<String, DailySpend> dailySpend;

    FraudChecks(FraudRules rules, WindowStore<String, Sighting> sightings, WindowStore<String, DailySpend> dailySpend) {
        this.rules = rules;
        this.sightings = sightings;
        this.dailySpend = dailySpend;
    }

    /** @param window the payment's window, with the payment already added */
    List<Finding> check(AccountPayment payment, long windowStart, WindowAggregate window) {
        List<Finding> findings = new ArrayList<>();
        rules.largeAmount().check(payment.payment(), payment.dailyLimitBase()).ifPresent(findings::add);
        rules.velocity().check(payment.accountId(), Instant.ofEpochMilli(windowStart), window.count(),
                window.paymentIds()).ifPresent(findings::add);
        findings.addAll(impossibleTravel(payment));
        dailyLimit(payment).ifPresent(findings::add);
        return findings;
    }

    private List<Finding> impossibleTravel(AccountPayment payment) {
        long time = payment.eventTime();
        long gap = rules.impossibleTravel().maxGap().toMillis();
        Sighting sighting = new Sighting(payment.paymentId(), payment.payment().payment().country(),
                payment.payment().payment().occurredAt());
        List<Sighting> near = new ArrayList<>();
        try (WindowStoreIterator<Sighting> found = sightings.fetch(payment.accountId(), Math.max(0, time - gap + 1),
                time + gap - 1)) {
            found.forEachRemaining(entry -> near.add(entry.value));
        }
        sightings.put(payment.accountId(), sighting, time);
        return rules.impossibleTravel().check(payment.accountId(), sighting, near);
    }

    private Optional<Finding> dailyLimit(AccountPayment payment) {
        long day = DailyLimitRule.dayOf(payment.payment().payment().occurredAt())
                .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        DailySpend before = dailySpend.fetch(payment.accountId(), day);
        DailySpend spent = before == null ? DailySpend.NONE : before;
        Optional<Finding> finding = rules.dailyLimit().check(payment.payment(), payment.dailyLimitBase(),
                spent.total(), spent.alerted());
        dailySpend.put(payment.accountId(), spent.add(payment.payment().amountBase(), finding.isPresent()), day);
        return finding;
    }
}
