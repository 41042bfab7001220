package dev.paymon.subscriber.activity;

import dev.paymon.events.AccountActivity;
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
 * Projects {@code accounts.activity.v1} (final window results) into the {@code account_activity} table
 * with an exactly-once effect through the shared {@link Projector}. A window delivered again is skipped
 * by its account and start.
 *
 * <p>Its consumer group is the service's with {@code .activity} appended: each projection's group can be
 * reset or rebuilt alone, and a rebalance of one does not pause the others.
 */
@Component
class ActivityProjection {

    private final ActivityRepository activity;
    private final Projector projector;
    private final ProjectionCounters counters;

    ActivityProjection(ActivityRepository activity, Projector projector, MeterRegistry meters) {
        this.activity = activity;
        this.projector = projector;
        this.counters = ProjectionCounters.register(meters, "activity", "Account activity windows");
    }

    @KafkaListener(id = "activity", groupId = "${spring.kafka.consumer.group-id}.activity",
            topics = "#{T(dev.paymon.events.Topics).ACCOUNTS_ACTIVITY.name()}",
            containerFactory = ListenerContainerFactories.ACTIVITY)
    void on(List<ConsumerRecord<String, AccountActivity>> records, Consumer<?, ?> consumer) {
        projector.project(records, consumer, "activity window",
                event -> activity.insert(StoredActivity.from(event)),
                event -> StreamAnnouncement.withAccountId(StreamEventType.ACTIVITY, event.accountId(),
                        ActivityResponse.of(StoredActivity.from(event))),
                counters);
    }
}
