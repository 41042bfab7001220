package dev.paymon.publisher.kafka;

/**
 * The fate of one event of a batch: acknowledged at {@code published} (or, without waiting for
 * acknowledgements, handed to the producer: {@code published} is then {@code null}), or failed with a reason.
 */
public record Delivery(boolean delivered, Published published, String failure) {

    public static Delivery acknowledged(Published published) {
        return new Delivery(true, published, null);
    }

    public static Delivery handedOver() {
        return new Delivery(true, null, null);
    }

    public static Delivery failed(String failure) {
        return new Delivery(false, null, failure);
    }
}
