package dev.paymon.publisher.payments;

import dev.paymon.events.FieldViolation;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topics;
import dev.paymon.publisher.kafka.Delivery;
import dev.paymon.publisher.kafka.EventPublisher;
import dev.paymon.publisher.web.InvalidRequestException;
import dev.paymon.publisher.web.JsonFields;
import dev.paymon.publisher.kafka.KafkaUnavailableException;
import dev.paymon.publisher.web.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Validates payments and publishes them to {@code payments.initiated.v1}, keyed by account.
 *
 * <p>Nothing here blocks for the broker: the answers are futures that complete once it acknowledged (or on
 * the send timeout), so that a few request threads serve many requests waiting for Kafka at once. A batch is sent
 * whole, then all acknowledgements are collected within one send timeout. Items Kafka did not acknowledge are
 * {@code REJECTED} with an error saying so; if Kafka took none of the valid items, the whole request fails with
 * {@link KafkaUnavailableException} (503), as a single payment would.
 */
@Component
class PaymentIntake {

    private static final Logger log = LoggerFactory.getLogger(PaymentIntake.class);

    private final PaymentRequestParser parser;
    private final EventPublisher events;
    private final PaymentMetrics metrics;

    PaymentIntake(PaymentRequestParser parser, EventPublisher events, PaymentMetrics metrics) {
        this.parser = parser;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * @return completes once the broker acknowledged the payment (with {@code async}: at once, when the producer has
     *         it), or exceptionally with {@link KafkaUnavailableException}
     * @throws InvalidRequestException at once, when the payment is invalid
     */
    CompletableFuture<PaymentAccepted> submit(JsonNode json, boolean async) {
        PaymentInitiated payment = parse(json);
        if (async) {
            try {
                PaymentAccepted accepted = handOver(payment);
                metrics.accepted(1);
                return CompletableFuture.completedFuture(accepted);
            } catch (KafkaUnavailableException e) {
                metrics.unavailable(1);
                throw e;
            }
        }
        return events.publishAcknowledged(Topics.PAYMENTS_INITIATED, payment.accountId(), payment)
                .whenComplete((published, failure) -> {
                    if (failure == null) {
                        metrics.accepted(1);
                    } else {
                        metrics.unavailable(1);
                    }
                })
                .thenApply(published -> PaymentAccepted.acknowledged(payment.paymentId(), published));
    }

    /** @return completes with one result per item, or exceptionally with {@link KafkaUnavailableException} */
    CompletableFuture<BatchResult> submitAll(List<BatchItem> items, boolean async) {
        List<BatchResult.ItemResult> results = new ArrayList<>(items.size());
        List<PaymentInitiated> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            BatchItem item = items.get(index);
            results.add(null);
            if (item.malformed() != null) {
                metrics.rejected(RejectionReason.MALFORMED);
                results.set(index, BatchResult.ItemResult.rejected(index, null,
                        List.of(new FieldViolation(JsonFields.ROOT, item.malformed()))));
                continue;
            }
            try {
                valid.add(parser.parse(item.json()));
                positions.add(index);
            } catch (InvalidRequestException e) {
                metrics.rejected(RejectionReason.VALIDATION);
                results.set(index, BatchResult.ItemResult.rejected(index, PaymentRequestParser.paymentIdOf(item.json()),
                        e.violations()));
            }
        }
        metrics.rejected(items.size() - valid.size());
        return events.publishAll(Topics.PAYMENTS_INITIATED, PaymentInitiated::accountId, valid, !async)
                .thenApply(deliveries -> {
                    if (!valid.isEmpty() && deliveries.stream().noneMatch(Delivery::delivered)) {
                        metrics.unavailable(valid.size());
                        throw new KafkaUnavailableException(deliveries.get(0).failure());
                    }
                    for (int i = 0; i < valid.size(); i++) {
                        results.set(positions.get(i), result(positions.get(i), valid.get(i), deliveries.get(i)));
                    }
                    return BatchResult.of(results);
                });
    }

    private BatchResult.ItemResult result(int index, PaymentInitiated payment, Delivery delivery) {
        if (delivery.delivered()) {
            metrics.accepted(1);
            return BatchResult.ItemResult.accepted(index, payment.paymentId());
        }
        metrics.unavailable(1);
        return BatchResult.ItemResult.rejected(index, payment.paymentId(), List.of(new FieldViolation(JsonFields.ROOT,
                delivery.failure() + "; nothing was acknowledged for this item, send it again")));
    }

    private PaymentAccepted handOver(PaymentInitiated payment) {
        events.publishAsync(Topics.PAYMENTS_INITIATED, payment.accountId(), payment).whenComplete((published, e) -> {
            if (e != null) {
                // At most once, as documented for ?async=true: the client already has its 202.
                metrics.asyncFailed();
                log.warn("Payment {} accepted with async=true was lost: {}", payment.paymentId(), e.getMessage());
            }
        });
        return PaymentAccepted.handedOver(payment.paymentId());
    }

    private PaymentInitiated parse(JsonNode json) {
        try {
            return parser.parse(json);
        } catch (InvalidRequestException e) {
            metrics.rejected(1);
            throw e;
        }
    }
}
