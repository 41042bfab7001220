package dev.paymon.publisher.reference;

import dev.paymon.publisher.kafka.Published;

/** The 202 answer to an FX rate: acknowledged by the broker at this position. */
record FxRateAccepted(String currency, String topic, int partition, long offset) {

    static FxRateAccepted of(String currency, Published published) {
        return new FxRateAccepted(currency, published.topic(), published.partition(), published.offset());
    }
}
