package dev.paymon.publisher.simulation;

import dev.paymon.publisher.kafka.EventPublisher;
import dev.paymon.publisher.PublisherProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The simulations of this publisher: starts them on a scheduler with one thread per simulation that may run at
 * once ({@code paymon.publisher.simulation.max-running}), keeps the status of the last finished ones
 * ({@code keep-finished}), and stops every running one when the application shuts down, before the producer is
 * closed (a lifecycle bean stops before singletons are destroyed).
 */
@Component
class SimulationScheduler implements SmartLifecycle {

    private final SimulationProperties properties;
    private final SimulationRun.Context context;
    private final Duration stopWait;
    private final AtomicInteger threads = new AtomicInteger();
    // Made on start and shut down on stop: a stopped context (e.g. one the test framework pauses) can start again.
    private ScheduledThreadPoolExecutor scheduler;
    private final Map<String, SimulationRun> simulations = new LinkedHashMap<>();
    private volatile boolean running;

    SimulationScheduler(SimulationProperties properties, PublisherProperties publisher, EventPublisher events, Clock clock,
                SimulationMetrics metrics) {
        this.properties = properties;
        this.context = new SimulationRun.Context(events, clock, metrics, publisher.baseCurrency(),
                properties.setupBatch());
        // A batch in flight ends within the send timeout, one way or the other.
        this.stopWait = publisher.sendTimeout().plusSeconds(1);
    }

    /** @throws org.springframework.web.ErrorResponseException 409 when the most allowed are running already */
    synchronized SimulationStatus start(SimulationSettings settings) {
        if (!running) {
            throw SimulationProblems.shuttingDown();
        }
        if (simulations.values().stream().filter(SimulationRun::isRunning).count() >= properties.maxRunning()) {
            throw SimulationProblems.tooManyRunning(properties.maxRunning());
        }
        SimulationRun simulation = new SimulationRun(UUID.randomUUID().toString(), settings, context);
        simulations.put(simulation.id(), simulation);
        forgetOldFinished();
        simulation.scheduleOn(scheduler, properties.tick());
        return simulation.status();
    }

    /** Stops a simulation (nothing happens to a finished one) and answers its final status. */
    SimulationStatus stop(String id) {
        return find(id).stop(stopWait);
    }

    synchronized SimulationStatus status(String id) {
        return find(id).status();
    }

    /** Newest first. */
    synchronized List<SimulationStatus> all() {
        forgetOldFinished();
        List<SimulationStatus> all = new ArrayList<>(simulations.values().stream().map(SimulationRun::status).toList());
        Collections.reverse(all);
        return all;
    }

    private synchronized SimulationRun find(String id) {
        SimulationRun simulation = simulations.get(id);
        if (simulation == null) {
            throw SimulationProblems.notFound(id);
        }
        return simulation;
    }

    private void forgetOldFinished() {
        long finished = simulations.values().stream().filter(simulation -> !simulation.isRunning()).count();
        for (Iterator<SimulationRun> oldestFirst = simulations.values().iterator();
             finished > properties.keepFinished() && oldestFirst.hasNext(); ) {
            if (!oldestFirst.next().isRunning()) {
                oldestFirst.remove();
                finished--;
            }
        }
    }

    @Override
    public synchronized void start() {
        scheduler = new ScheduledThreadPoolExecutor(properties.maxRunning(), task -> {
            Thread thread = new Thread(task, "simulation-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        running = true;
    }

    @Override
    public void stop() {
        List<SimulationRun> active;
        ScheduledThreadPoolExecutor stopping;
        synchronized (this) {
            running = false;
            active = simulations.values().stream().filter(SimulationRun::isRunning).toList();
            stopping = scheduler;
        }
        active.forEach(simulation -> simulation.stop(stopWait));
        stopping.shutdown();
        try {
            stopping.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
