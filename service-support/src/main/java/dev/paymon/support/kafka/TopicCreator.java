package dev.paymon.support.kafka;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes sure a service's topics get created even when no broker was there at start-up: {@link KafkaAdmin}
 * (with {@code spring.kafka.admin.fail-fast=false}) tries once, briefly, while the context starts, so start-up
 * is not held back; this tries again in the background, every {@code paymon.topics.creation-retry}, until it
 * succeeds. A service opts in with {@code @Import(TopicCreator.class)} and says there what happens meanwhile.
 */
public class TopicCreator implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private final KafkaAdmin admin;
    private final Duration retry;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "topic-creator");
        thread.setDaemon(true);
        return thread;
    });

    TopicCreator(KafkaAdmin admin, TopicProperties topics) {
        this.admin = admin;
        this.retry = topics.creationRetry();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        scheduler.execute(this::createMissingTopics);
    }

    private void createMissingTopics() {
        try {
            if (admin.initialize()) {
                log.debug("The service's topics are in place");
            }
        } catch (IllegalStateException e) {
            // After start-up KafkaAdmin reports a broker it cannot reach with this exception.
            log.warn("Cannot create the service's topics yet ({}); trying again in {}",
                    NestedExceptionUtils.getMostSpecificCause(e).toString(), retry);
            scheduler.schedule(this::createMissingTopics, retry.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
