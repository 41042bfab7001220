package dev.paymon.subscriber.rebuild;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code paymon.subscriber.rebuild.on-start=true}: rebuilds the projections once the service has started.
 * A refused rebuild (history incomplete, Kafka unavailable) fails the start-up rather than serving
 * projections the operator asked to replace.
 */
@Component
class RebuildOnStart {

    private static final Logger log = LoggerFactory.getLogger(RebuildOnStart.class);

    private final ProjectionRebuild rebuild;
    private final RebuildProperties properties;

    RebuildOnStart(ProjectionRebuild rebuild, RebuildProperties properties) {
        this.rebuild = rebuild;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfAsked() {
        if (properties.onStart()) {
            RebuildStatus status = rebuild.start(properties.force());
            log.info("Rebuild started on start-up: {} partitions to project again", status.partitions().size());
        }
    }
}
