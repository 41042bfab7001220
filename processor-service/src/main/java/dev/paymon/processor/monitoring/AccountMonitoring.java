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
 * changelogged, named here so they keep their names across releases; values in {@link StateSerdes}' compact form;
 * each bounded, see the retentions below).
 * The window, watermark, sighting-countries and daily-spend stores have a record cache: a key written many times
 * between two commits (the watermark on every payment, an account's window, countries and day) reaches RocksDB and
 * its changelog once per commit, inside the same commit (the exactly-once transaction), so nothing is weakened.
 * The sightings store keeps duplicates, which Kafka Streams cannot cache:
 * <ul>
 *   <li>{@value #WINDOWS}: open windows, key {@code <start>|<accountId>}, value {@code WindowAggregate}; a window
 *       is deleted when it closes (at most {@code max-event-time-ahead} of future windows per account);</li>
 *   <li>{@value #CLOSED_WINDOWS}: window store, key accountId at the window's start, value {@code WindowAggregate}:
 *       closed windows, for the VELOCITY count of late payments, retained for {@code history};</li>
 *   <li>{@value #WATERMARK}: the task's watermark (epoch ms), one key;</li>
 *   <li>{@value #SIGHTINGS}: window store, key {@code <accountId>|<country>} at the payment's event time, value
 *       {@code Sighting}, retained for {@code history} + the travel gap, and at least for window + grace + gap +
 *       window (older ones cannot pair with a payment less late than that); releases before wrote key accountId, see
 *       {@code FraudChecks};</li>
 *   <li>{@value #SIGHTING_COUNTRIES}: key accountId, value {@code SightingCountries}: the countries of the account's
 *       sightings, each with its latest event time, without those expired; accounts whose sightings have all
 *       expired are removed by a sweep that goes through a few hundred accounts a second;</li>
 *   <li>{@value #DAILY_SPEND}: window store, key accountId at the UTC day's start, value {@code DailySpend},
 *       retained two days.</li>
 * </ul>
 * Window stores drop what is older than their retention behind the newest event time they were given, so a
 * payment later than that is checked against what is left (see {@code AccountMonitor}).
 */
public final class AccountMonitoring implements ProcessorSupplier<String, AccountPayment, String, Outcome> {

    public static final String WINDOWS = "account-windows";
    public static final String CLOSED_WINDOWS = "account-closed-windows";
    public static final String WATERMARK = "monitor-watermark";
    public static final String SIGHTINGS = "account-sightings";
    public static final String SIGHTING_COUNTRIES = "account-sighting-countries";
    public static final String DAILY_SPEND = "account-daily-spend";

    private final WindowProperties windows;
    private final FraudRules rules;
    private final MonitorEvents events;
    private final InputProgress progress;

    /** @param progress when each input partition was last caught up, which lets a quiet task's windows close */
    public AccountMonitoring(WindowProperties windows, FraudRules rules, MonitorEvents events, InputProgress progress) {
        this.windows = windows;
        this.rules = rules;
        this.events = events;
        this.progress = progress;
    }

    @Override
    public Processor<String, AccountPayment, String, Outcome> get() {
        return new AccountMonitor(windows, rules, events, progress);
    }

    /**
     * How long sightings are kept: the history plus the travel gap, so that a payment as late as the history still
     * finds the sightings it can pair with; at least window + grace + gap (+ a window's slack).
     */
    static Duration sightingRetention(WindowProperties windows, FraudRules rules) {
        Duration gap = rules.impossibleTravel().maxGap();
        Duration inTime = windows.size().plus(windows.grace()).plus(gap).plus(windows.size());
        Duration late = windows.history().plus(gap);
        return late.compareTo(inTime) > 0 ? late : inTime;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        Duration travelRetention = sightingRetention(windows, rules);
        Duration day = Duration.ofDays(1);
        return Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOWS), Serdes.String(),
                        StateSerdes.windows()).withCachingEnabled(),
                Stores.windowStoreBuilder(Stores.persistentWindowStore(CLOSED_WINDOWS, windows.history(),
                        windows.size(), false), Serdes.String(), StateSerdes.windows()).withCachingEnabled(),
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
