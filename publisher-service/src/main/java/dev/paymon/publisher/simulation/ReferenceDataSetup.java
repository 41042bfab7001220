package dev.paymon.publisher.simulation;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.Event;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.publisher.kafka.Delivery;
import dev.paymon.publisher.kafka.EventPublisher;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The reference data a simulation publishes before its first payment, through Kafka like the REST endpoints: the FX
 * rates of its currencies and its accounts' profiles, in batches. A batch part of which was not acknowledged is sent
 * again (a busy cluster may take longer than the send timeout for a thousand profiles): reference topics are keyed
 * and compacted, the last value wins, so a second copy is harmless.
 */
final class ReferenceDataSetup {

    /** Attempts at each batch of reference data. */
    static final int ATTEMPTS = 3;

    private final EventPublisher events;
    private final int batchSize;

    ReferenceDataSetup(EventPublisher events, int batchSize) {
        this.events = events;
        this.batchSize = batchSize;
    }

    /** Publishes everything; {@code null} once it is acknowledged, else why it failed {@value #ATTEMPTS} times. */
    String publish(PaymentGenerator generator, String baseCurrency, Instant now) {
        List<FxRateUpdated> rates = generator.fxRates(baseCurrency, now);
        String failure = publishAll(Topics.FX_RATES_REFERENCE, FxRateUpdated::currency, rates);
        List<AccountProfileUpdated> profiles = generator.accounts().stream().map(a -> a.profile(now)).toList();
        for (int from = 0; failure == null && from < profiles.size(); from += batchSize) {
            failure = publishAll(Topics.ACCOUNTS_REFERENCE, AccountProfileUpdated::accountId,
                    profiles.subList(from, Math.min(profiles.size(), from + batchSize)));
        }
        return failure;
    }

    private <V extends Event> String publishAll(Topic<V> topic, Function<V, String> keyOf, List<V> batch) {
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            failure = events.publishAll(topic, keyOf, batch, true).join().stream()
                    .filter(delivery -> !delivery.delivered()).map(Delivery::failure).findFirst().orElse(null);
            if (failure == null) {
                return null;
            }
        }
        return "Setting up " + topic.name() + " failed " + ATTEMPTS + " times: " + failure;
    }
}
