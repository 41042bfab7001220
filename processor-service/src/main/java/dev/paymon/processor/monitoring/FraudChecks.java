package dev.paymon.processor.monitoring;

import dev.paymon.processor.rules.DailyLimitRule;
import dev.paymon.processor.rules.Finding;
import dev.paymon.processor.rules.FraudRules;
import dev.paymon.processor.rules.Sighting;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Runs the fraud rules for one payment against the account's state and records the payment in that
 * state: its sighting for IMPOSSIBLE_TRAVEL (a window store keyed by account and country at the event time, expired
 * by retention, and the account's countries with their latest sighting) and its spend for DAILY_LIMIT (a window
 * store keyed by account and UTC day).
 *
 * <p>Sightings are keyed by account and country so that a payment reads only the sightings it can pair with, those
 * from the account's other countries: keyed by account alone, every payment read all of the account's sightings
 * within the gap, a cost that grew with the account's rate and was the processor's largest per payment.
 */
final class FraudChecks {

    private final FraudRules rules;
    private final WindowStore<String, Sighting> sightings;
    private final KeyValueStore<String, SightingCountries> countries;
    private final WindowStore<String, DailySpend> dailySpend;
    private final long sightingRetention;
    /** Where the next sweep of the countries store goes on; {@code null}: from the first account. */
    private String sweepFrom;

    FraudChecks(FraudRules rules, WindowStore<String, Sighting> sightings,
                KeyValueStore<String, SightingCountries> countries, WindowStore<String, DailySpend> dailySpend,
                Duration sightingRetention) {
        this.rules = rules;
        this.sightings = sightings;
        this.countries = countries;
        this.dailySpend = dailySpend;
        this.sightingRetention = sightingRetention.toMillis();
    }

    /** The sightings store's key: the account id, then the (two-letter) country. */
    static String sightingKey(String accountId, String country) {
        return accountId + '|' + country;
    }

    /** @param window the payment's window, with the payment already added (in time or late) */
    List<Finding> check(AccountPayment payment, long windowStart, WindowAggregate window) {
        List<Finding> findings = new ArrayList<>();
        rules.largeAmount().check(payment.payment(), payment.dailyLimitBase()).ifPresent(findings::add);
        rules.velocity().check(payment.accountId(), Instant.ofEpochMilli(windowStart), window.velocityCount(),
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
        SightingCountries seen = countries.get(payment.accountId());
        if (seen == null) {
            seen = adoptLegacySightings(payment.accountId(), time);
        }
        List<Sighting> near = new ArrayList<>();
        // A country whose latest sighting is gap or more before this payment has none within the gap.
        for (String other : seen.otherCountriesSeenAfter(sighting.country(), time - gap)) {
            try (WindowStoreIterator<Sighting> found = sightings.fetch(sightingKey(payment.accountId(), other),
                    Math.max(0, time - gap + 1), time + gap - 1)) {
                found.forEachRemaining(entry -> near.add(entry.value));
            }
        }
        sightings.put(sightingKey(payment.accountId(), sighting.country()), sighting, time);
        countries.put(payment.accountId(), seen.seen(sighting.country(), time, time - sightingRetention));
        return rules.impossibleTravel().check(payment.accountId(), sighting, near);
    }

    /**
     * Releases before this one keyed sightings by account alone. The first time an account is seen without a
     * countries entry (new, or last seen before the upgrade), its sightings under that key still within retention
     * are copied to the per-country keys, so pairs that span the upgrade are still found. The old entries expire with
     * the store's retention.
     */
    private SightingCountries adoptLegacySightings(String accountId, long time) {
        SightingCountries seen = SightingCountries.NONE;
        try (WindowStoreIterator<Sighting> legacy = sightings.fetch(accountId, Math.max(0, time - sightingRetention),
                time + sightingRetention)) {
            while (legacy.hasNext()) {
                KeyValue<Long, Sighting> entry = legacy.next();
                sightings.put(sightingKey(accountId, entry.value.country()), entry.value, entry.key);
                seen = seen.seen(entry.value.country(), entry.key, Long.MIN_VALUE);
            }
        }
        return seen;
    }

    /**
     * Forgets, in at most {@code limit} accounts from where the last sweep stopped (wrapping around), the countries
     * whose sightings have all expired by {@code streamTime}, and removes accounts left with none: an account that
     * stops paying would otherwise keep its entry for ever.
     */
    void sweepCountries(long streamTime, int limit) {
        List<KeyValue<String, SightingCountries>> batch = new ArrayList<>(limit);
        try (KeyValueIterator<String, SightingCountries> accounts = countries.range(sweepFrom, null)) {
            while (batch.size() < limit && accounts.hasNext()) {
                batch.add(accounts.next());
            }
        }
        long forgetBefore = streamTime - sightingRetention;
        for (KeyValue<String, SightingCountries> account : batch) {
            SightingCountries kept = account.value.forget(forgetBefore);
            if (kept.isEmpty()) {
                countries.delete(account.key);
            } else if (kept != account.value) {
                countries.put(account.key, kept);
            }
        }
        sweepFrom = batch.size() < limit ? null : batch.get(batch.size() - 1).key + '\u0000';
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
