package dev.paymon.publisher.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paymon.publisher.kafka.Published;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The 202 answer to one payment: where the broker stored it, or (with {@code ?async=true}) only its id,
 * since the broker has not acknowledged it yet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The accepted payment; topic, partition and offset are absent with ?async=true")
record PaymentAccepted(String paymentId, String topic, Integer partition, Long offset) {

    static PaymentAccepted acknowledged(String paymentId, Published published) {
        return new PaymentAccepted(paymentId, published.topic(), published.partition(), published.offset());
    }

    static PaymentAccepted handedOver(String paymentId) {
        return new PaymentAccepted(paymentId, null, null, null);
    }
}
