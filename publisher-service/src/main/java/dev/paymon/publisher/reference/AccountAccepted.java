package dev.paymon.publisher.reference;

import dev.paymon.publisher.kafka.Published;

/** The 202 answer to an account profile: acknowledged by the broker at this position. */
record AccountAccepted(String accountId, String topic, int partition, long offset) {

    static AccountAccepted of(String accountId, Published published) {
        return new AccountAccepted(accountId, published.topic(), published.partition(), published.offset());
    }
}
