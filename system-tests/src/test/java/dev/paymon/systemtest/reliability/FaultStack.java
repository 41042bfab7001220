package dev.paymon.systemtest.reliability;

import dev.paymon.launcher.LocalStack;
import dev.paymon.launcher.Service;
import dev.paymon.launcher.StackSettings;
import dev.paymon.systemtest.FreePorts;
import dev.paymon.systemtest.SystemStack;
import dev.paymon.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real stack the fault tests share, with what the faults need: the processor with {@link Rules#FAULT_TESTS}'
 * short windows; consumer session timeouts of 6 s (the broker's minimum) instead of 45 s, so that a killed member
 * leaves its group after seconds (nothing depends on it but the time to recover); the subscriber importing an
 * optional properties file, through which a test turns the subscriber's crash hook on and off between restarts, and
 * connecting to PostgreSQL as a role of its own that owns its schema (not a superuser, so that a privilege can be
 * taken from it); the publisher taking payments up to 5 minutes ahead of its clock
 * ({@code paymon.publisher.max-event-time-ahead}, 10 s by default), so that a client whose clock runs 4 minutes ahead
 * gets through to the processor, whose defence that test is about. Stops, kills and restarts services and the broker,
 * adds and removes instances, telling the counters first.
 */
final class FaultStack implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final List<String> FAST_FAILOVER = List.of("session.timeout.ms=6000", "heartbeat.interval.ms=1500");

    private final Path dataDir;
    private final Path subscriberFaults;
    private final LocalStack stack;
    private final List<Service> extraProcessors = new ArrayList<>();
    private final List<Service> extraSubscribers = new ArrayList<>();
    private final AtomicInteger starts = new AtomicInteger();
    final TestPostgres.Database database;

    private FaultStack(Path dataDir, TestPostgres.Database database, LocalStack stack) {
        this.dataDir = dataDir;
        this.subscriberFaults = dataDir.resolve("subscriber-faults.properties");
        this.database = database;
        this.stack = stack;
    }

    static FaultStack start(String name, Rules rules) {
        TestPostgres.Database database = TestPostgres.newSchemaWithOwnRole();
        Path dataDir = SystemStack.newDataDir(name);
        List<String> subscriber = new ArrayList<>(FAST_FAILOVER.stream()
                .map(p -> "--spring.kafka.consumer.properties." + p).toList());
        subscriber.add("--spring.config.import=optional:file:" + dataDir.resolve("subscriber-faults.properties"));
        StackSettings settings = SystemStack.settings(dataDir, database, subscriber);
        List<String> processor = new ArrayList<>(rules.processorArguments());
        FAST_FAILOVER.forEach(p -> processor.add("--spring.kafka.streams.properties." + p));
        Map<String, List<String>> arguments = new HashMap<>(settings.extraArguments());
        arguments.put(StackSettings.PROCESSOR, processor);
        arguments.put(StackSettings.PUBLISHER, List.of("--paymon.publisher.max-event-time-ahead=5m"));
        return new FaultStack(dataDir, database, new LocalStack(settings.withExtraArguments(arguments)).start());
    }

    LocalStack stack() {
        return stack;
    }

    String bootstrap() {
        return stack.broker().bootstrapServers();
    }

    /** The running instances of each service, for the counters. */
    Map<Meter.Kind, List<Service>> running() {
        List<Service> processors = new ArrayList<>();
        processors.add(stack.processor());
        processors.addAll(extraProcessors);
        List<Service> subscribers = new ArrayList<>();
        subscribers.add(stack.subscriber());
        subscribers.addAll(extraSubscribers);
        return Map.of(Meter.Kind.PUBLISHER, List.of(stack.publisher()),
                Meter.Kind.PROCESSOR, processors.stream().filter(s -> s.process().isAlive()).toList(),
                Meter.Kind.SUBSCRIBER, subscribers.stream().filter(s -> s.process().isAlive()).toList());
    }

    /** SIGTERM, wait for the exit, start again and wait until ready. */
    void restart(Meter.Kind kind, Service service, CounterLedger counters) {
        counters.beforeStop(kind, service, false);
        service.stop(STOP_GRACE);
        start(service);
    }

    /** SIGTERM and start again, to prepare a test (nothing counted). */
    void restart(Service service) {
        service.stop(STOP_GRACE);
        start(service);
    }

    /** {@code kill -9}, then start again and wait until ready. */
    void killAndRestart(Meter.Kind kind, Service service, CounterLedger counters) {
        counters.beforeStop(kind, service, true);
        service.process().kill();
        start(service);
    }

    Service addProcessor() {
        Service instance = stack.addProcessor(FreePorts.next(), FreePorts.next());
        extraProcessors.add(instance);
        return instance;
    }

    /** Stops ({@code killed}: kills) an added processor instance for good. */
    void removeProcessor(Service instance, boolean killed, CounterLedger counters) {
        counters.beforeStop(Meter.Kind.PROCESSOR, instance, killed);
        if (killed) {
            instance.process().kill();
        } else {
            instance.stop(STOP_GRACE);
        }
        extraProcessors.remove(instance);
    }

    /** SIGTERM for good, until {@link #start}. */
    void stop(Meter.Kind kind, Service service, CounterLedger counters) {
        counters.beforeStop(kind, service, false);
        service.stop(STOP_GRACE);
    }

    Service addSubscriber() {
        Service instance = stack.addSubscriber(FreePorts.next(), FreePorts.next());
        extraSubscribers.add(instance);
        return instance;
    }

    /** Stops an added subscriber instance for good (SIGTERM). */
    void removeSubscriber(Service instance, CounterLedger counters) {
        counters.beforeStop(Meter.Kind.SUBSCRIBER, instance, false);
        instance.stop(STOP_GRACE);
        extraSubscribers.remove(instance);
    }

    /** Stops the broker (SIGTERM); the services go on without it. */
    void stopBroker() {
        stack.kafka().stop(1, STOP_GRACE);
    }

    void startBroker() {
        stack.kafka().restart(1);
    }

    /** Takes the subscriber's INSERT privilege on {@code payments} (as an operator's mistake would), or gives it back. */
    void insertIntoPayments(boolean allowed) {
        String table = database.schema() + ".payments";
        TestPostgres.asAdmin(allowed ? "GRANT INSERT ON " + table + " TO " + database.user()
                : "REVOKE INSERT ON " + table + " FROM " + database.user());
    }

    /** Writes (or, with 0, removes) the subscriber's crash hook setting, read at its next start. */
    void subscriberHaltsAfterCommits(int commits) {
        try {
            if (commits > 0) {
                Files.writeString(subscriberFaults, "paymon.subscriber.fault-injection.halt-after-commits=" + commits + "\n");
            } else {
                Files.deleteIfExists(subscriberFaults);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start(Service service) {
        service.start(dataDir, stack.logs().resolve(service.name() + "-" + starts.incrementAndGet() + ".log"));
        service.awaitReady();
    }

    /** Before each test: every service running, no added processor left over from a failed test. */
    void reset() {
        for (Service instance : List.copyOf(extraProcessors)) {
            instance.stop(STOP_GRACE);
            extraProcessors.remove(instance);
        }
        for (Service instance : List.copyOf(extraSubscribers)) {
            instance.stop(STOP_GRACE);
            extraSubscribers.remove(instance);
        }
        insertIntoPayments(true);
        if (!stack.broker().process().isAlive()) {
            startBroker();
        }
        subscriberHaltsAfterCommits(0);
        for (Service service : stack.services()) {
            if (!service.process().isAlive()) {
                start(service);
            }
        }
    }

    @Override
    public void close() {
        extraProcessors.forEach(instance -> instance.stop(STOP_GRACE));
        extraSubscribers.forEach(instance -> instance.stop(STOP_GRACE));
        stack.close();
    }
}
