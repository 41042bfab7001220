package dev.paymon.processor.progress;

import dev.paymon.processor.monitoring.InputProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@link InputProgress} from the cluster: every {@code interval} it reads the end offsets of the input topic's
 * partitions, then the offsets the Kafka Streams application has committed; a partition whose committed offset has
 * reached the end it had when the reading began is caught up as of that moment. Committed offsets, not what a task
 * has seen: under exactly-once they move only with a committed transaction, so records of an aborted one, or fetched
 * and not yet processed, never count as done. (Under at-least-once they move every {@code commit.interval.ms}, so a
 * quiet partition is known to be caught up that much later.)
 *
 * <p>A reading that fails (the cluster away) changes nothing: the partitions stay caught up as of their last good
 * reading, so windows close later, never early. Failures are counted ({@value #FAILURES}) and logged at most once a
 * minute.
 */
final class CommittedInputProgress implements InputProgress, SmartLifecycle {

    static final String FAILURES = "paymon.processor.input.progress.failures";

    private static final Logger log = LoggerFactory.getLogger(CommittedInputProgress.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PARTITIONS_REFRESH = Duration.ofMinutes(1);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final Map<String, Object> adminConfig;
    private final String topic;
    private final String applicationId;
    private final Duration interval;
    private final Clock clock;
    private final Counter failures;
    private final Map<Integer, Long> caughtUp = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;
    private Admin admin;
    private List<TopicPartition> partitions = List.of();
    private long partitionsReadAt = Long.MIN_VALUE;
    private long failingSince = -1;
    private long lastFailureLog = Long.MIN_VALUE;

    CommittedInputProgress(Map<String, Object> adminConfig, String topic, String applicationId, Duration interval,
                           Clock clock, MeterRegistry meters) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.topic = topic;
        this.applicationId = applicationId;
        this.interval = interval;
        this.clock = clock;
        this.failures = Counter.builder(FAILURES)
                .description("Failed readings of the input partitions' end and committed offsets (windows of quiet "
                        + "partitions close only after a good one)")
                .register(meters);
    }

    @Override
    public long caughtUpAt(int partition, long now) {
        Long at = caughtUp.get(partition);
        return at == null ? -1 : Math.min(at, now);
    }

    /** One reading of end and committed offsets, run every {@code interval} once started. */
    synchronized void check() {
        try {
            readOnce();
            if (failingSince >= 0) {
                log.info("Reading the progress of {} works again (failed since {} ms before)", topic,
                        clock.millis() - failingSince);
                failingSince = -1;
            }
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readOnce() throws ExecutionException, TimeoutException, InterruptedException {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        long readAt = clock.millis();
        List<TopicPartition> current = partitions(readAt);
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(
                current.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata());
        for (TopicPartition partition : current) {
            long end = ends.get(partition).offset();
            OffsetAndMetadata done = committed.get(partition);
            if (end == 0 || (done != null && done.offset() >= end)) {
                caughtUp.merge(partition.partition(), readAt, Math::max);
            }
        }
    }

    private List<TopicPartition> partitions(long now) throws ExecutionException, TimeoutException, InterruptedException {
        if (partitions.isEmpty() || now - partitionsReadAt >= PARTITIONS_REFRESH.toMillis()) {
            partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            partitionsReadAt = now;
        }
        return partitions;
    }

    private void failed(Exception e) {
        failures.increment();
        long now = clock.millis();
        if (failingSince < 0) {
            failingSince = now;
        }
        if (now - lastFailureLog >= LOG_EVERY.toMillis()) {
            lastFailureLog = now;
            log.warn("Cannot read the progress of {} (windows of quiet partitions close after the next good reading; "
                    + "logged once a minute, counted in {}): {}", topic, FAILURES, e.toString());
        }
    }

    private static <T> T get(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "input-progress");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
                admin = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
