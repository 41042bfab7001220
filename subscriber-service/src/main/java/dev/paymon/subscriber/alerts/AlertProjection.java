package dev.paymon.subscriber.alerts;

import dev.paymon.events.AlertRaised;
import dev.paymon.subscriber.projection.ListenerContainerFactories;
import dev.paymon.subscriber.projection.ProjectionCounters;
import dev.paymon.subscriber.projection.Projector;
import dev.paymon.subscriber.projection.StreamAnnouncement;
import dev.paymon.subscriber.projection.StreamEventType;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code fraud.alerts.v1} into the {@code alerts} table with an exactly-once effect through
 * the shared {@link Projector}. An alert delivered again is skipped by its id, so a replay never
 * reopens an acknowledged alert.
 *
 * <p>Its consumer group is the service's with {@code .alerts} appended: each projection's group can be
 * reset or rebuilt alone, and a rebalance of one does not pause the others.
 */
@Component
class AlertProjection {

    private final AlertRepository alerts;
    private final Projector projector;
    private final ProjectionCounters counters;

    AlertProjection(AlertRepository alerts, Projector projector, MeterRegistry meters) {
        this.alerts = alerts;
        this.projector = projector;
        this.counters = ProjectionCounters.register(meters, "alerts", "Alerts");
    }

    @KafkaListener(id = "alerts", groupId = "${spring.kafka.consumer.group-id}.alerts",
            topics = "#{T(dev.paymon.events.Topics).FRAUD_ALERTS.name()}",
            containerFactory = ListenerContainerFactories.ALERTS)
    void on(List<ConsumerRecord<String, AlertRaised>> records, Consumer<?, ?> consumer) {
        projector.project(records, consumer, "alert", event -> alerts.insert(StoredAlert.from(event)),
                event -> StreamAnnouncement.of(StreamEventType.ALERT, event.accountId(),
                        AlertResponse.of(StoredAlert.from(event))),
                counters);
    }
}
