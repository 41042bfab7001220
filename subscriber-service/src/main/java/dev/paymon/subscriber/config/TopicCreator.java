package dev.paymon.subscriber.config;

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
import org.springframework.stereotype.Component;

/**
 * Makes sure the dead-letter topic exists even when no broker was there at start-up: {@link KafkaAdmin}
 * tries once, briefly, while the context starts; this tries again in the background until it succeeds.
 * Until then a poison record waits on its partition (its dead-lettering fails and is retried), so
 * nothing is lost.
 */
@Component
class TopicCreator implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private final KafkaAdmin admin;
    private final Duration retry;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "topic-creator");
        thread.setDaemon(true);
        return thread;
    });

    TopicCreator(KafkaAdmin admin, TopicsProperties topics) {
        this.admin = admin;
        this.retry = topics.creationRetry();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        scheduler.execute(this::createMissingTopics);
    }

    private void createMissingTopics() {
        try {
            admin.initialize();
        } catch (IllegalStateException e) {
            // After start-up KafkaAdmin reports a broker it cannot reach with this exception.
            log.warn("Cannot create the subscriber's topics yet ({}); trying again in {}",
                    NestedExceptionUtils.getMostSpecificCause(e).toString(), retry);
            scheduler.schedule(this::createMissingTopics, retry.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
