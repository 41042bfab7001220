package dev.paymon.publisher.kafka;

/** Kafka did not take an event within the send timeout; answered with 503 and {@code Retry-After}. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public KafkaUnavailableException(String message) {
        super(message);
    }
}
