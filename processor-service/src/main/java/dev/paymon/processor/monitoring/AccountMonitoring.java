package dev.paymon.processor.monitoring;

import dev.paymon.processor.rules.FraudRules;
import dev.paymon.processor.rules.Sighting;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Supplies the {@link AccountMonitor} of each task together with its state stores (all persistent and
 * changelogged, named here so they keep their names across releases; values in {@link StateSerdes}' compact form).
 * The window, watermark, sighting-countries and daily-spend stores have a record cache: a key written many times
 * between two commits (the watermark on every payment, an account's window, countries and day) reaches RocksDB and
 * its changelog once per commit, inside the same commit (the exactly-once transaction), so nothing is weakened.
 * The sightings store keeps duplicates, which Kafka Streams cannot cache:
 * <ul>
 *   <li>{@value #WINDOWS}: open windows, key {@code <start>|<accountId>}, value {@code WindowAggregate};</li>
 *   <li>{@value #WATERMARK}: the task's watermark (epoch ms), one key;</li>
 *   <li>{@value #SIGHTINGS}: window store, key {@code <accountId>|<country>} at the payment's event time, value
 *       {@code Sighting}, retained for window + grace + the travel gap (older ones cannot pair with a payment that
 *       is not late); releases before wrote key accountId, see {@code FraudChecks};</li>
 *   <li>{@value #SIGHTING_COUNTRIES}: key accountId, value {@code SightingCountries}: the countries of the account's
 *       sightings, each with its latest event time, without those expired;</li>
 *   <li>{@value #DAILY_SPEND}: window store, key accountId at the UTC day's start, value {@code DailySpend} JSON,
 *       retained two days.</li>
 * </ul>
 */
public final class AccountMonitoring implements ProcessorSupplier<String, AccountPayment, String, Outcome> {

    public static final String WINDOWS = "account-windows";
    public static final String WATERMARK = "monitor-watermark";
    public static final String SIGHTINGS = "account-sightings";
    public static final String SIGHTING_COUNTRIES = "account-sighting-countries";
    public static final String DAILY_SPEND = "account-daily-spend";

    private final WindowProperties windows;
    private final FraudRules rules;
    private final MonitorEvents events;

    public AccountMonitoring(WindowProperties windows, FraudRules rules, MonitorEvents events) {
        this.windows = windows;
        this.rules = rules;
        this.events = events;
    }

    @Override
    public Processor<String, AccountPayment, String, Outcome> get() {
        return new AccountMonitor(windows, rules, events);
    }

    /** How long sightings are kept: window + grace + the travel gap (+ a window's slack). */
    static Duration sightingRetention(WindowProperties windows, FraudRules rules) {
        return windows.size().plus(windows.grace()).plus(rules.impossibleTravel().maxGap()).plus(windows.size());
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        Duration travelRetention = sightingRetention(windows, rules);
        Duration day = Duration.ofDays(1);
        return Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOWS), Serdes.String(),
                        StateSerdes.windows()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WATERMARK), Serdes.String(), Serdes.Long())
                        .withCachingEnabled(),
                Stores.windowStoreBuilder(Stores.persistentWindowStore(SIGHTINGS, travelRetention, Duration.ofMillis(1), true),
                        Serdes.String(), StateSerdes.sightings()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SIGHTING_COUNTRIES), Serdes.String(),
                        StateSerdes.sightingCountries()).withCachingEnabled(),
                Stores.windowStoreBuilder(Stores.persistentWindowStore(DAILY_SPEND, day.multipliedBy(2), day, false),
                        Serdes.String(), StateSerdes.dailySpend()).withCachingEnabled());
    }
}
