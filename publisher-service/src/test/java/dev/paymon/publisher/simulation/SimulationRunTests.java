package dev.paymon.publisher.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.Topics;
import dev.paymon.publisher.FakeEventPublisher;
import dev.paymon.publisher.simulation.SimulationSettings.FraudShare;
import dev.paymon.publisher.simulation.SimulationStatus.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A simulation's bookkeeping when Kafka refuses sends (the fake stands in for the broker's answers only). */
class SimulationRunTests {

    final FakeEventPublisher kafka = new FakeEventPublisher();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final SimulationRun.Context context = new SimulationRun.Context(kafka, Clock.systemUTC(),
            new SimulationMetrics(registry), "EUR", 4);
    final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void shutDown() {
        scheduler.shutdownNow();
    }

    @Test
    void countsPaymentsKafkaRefusedAndKeepsGoing() {
        int reference = 3 + 10;
        kafka.goDownAfter(reference + 50);
        SimulationRun simulation = new SimulationRun("s-1", settings(10, null), context);

        simulation.scheduleOn(scheduler, Duration.ofMillis(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> simulation.status().failed() >= 20);
        SimulationStatus status = simulation.stop(Duration.ofSeconds(5));
        assertThat(status.state()).isEqualTo(State.STOPPED);
        assertThat(status.sent()).isEqualTo(50);
        assertThat(status.lastError()).isEqualTo(FakeEventPublisher.OUTAGE);
        assertThat(kafka.sent()).filteredOn(sent -> sent.topic().equals(Topics.PAYMENTS_INITIATED.name())).hasSize(50);
        assertThat(registry.get("paymon.publisher.simulated.payments").counters().stream()
                .mapToDouble(counter -> counter.count()).sum()).isEqualTo(50);
    }

    @Test
    void failsWhenTheReferenceDataCannotBePublished() {
        kafka.goDownAfter(5);
        SimulationRun simulation = new SimulationRun("s-2", settings(10, null), context);

        simulation.scheduleOn(scheduler, Duration.ofMillis(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> simulation.status().state() == State.FAILED);
        SimulationStatus status = simulation.status();
        assertThat(status.lastError())
                .isEqualTo("Setting up reference.accounts.v1 failed 3 times: " + FakeEventPublisher.OUTAGE);
        assertThat(status.sent()).isZero();
        assertThat(status.stoppedAt()).isNotNull();
        assertThat(kafka.sent()).noneMatch(sent -> sent.topic().equals(Topics.PAYMENTS_INITIATED.name()));
    }

    @Test
    void sendsAReferenceBatchAgainThatWasNotAcknowledgedInTime() {
        kafka.failNextBatches(ReferenceDataSetup.ATTEMPTS - 1);
        SimulationRun simulation = new SimulationRun("s-4", settings(10, null), context);

        simulation.scheduleOn(scheduler, Duration.ofMillis(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> simulation.status().sent() >= 10);
        assertThat(simulation.status().state()).isEqualTo(State.RUNNING);
        assertThat(simulation.status().lastError()).isNull();
        assertThat(kafka.sent()).anyMatch(sent -> sent.topic().equals(Topics.FX_RATES_REFERENCE.name()));
        simulation.stop(Duration.ofSeconds(5));
    }

    @Test
    void completesAfterTheDuration() {
        SimulationRun simulation = new SimulationRun("s-3", settings(2, 1L), context);

        simulation.scheduleOn(scheduler, Duration.ofMillis(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> simulation.status().state() == State.COMPLETED);
        // 1000 per second for at most one second (less the set-up), plus at most one group overdrawn.
        assertThat(simulation.status().sent()).isBetween(1L, 1000L + Pattern.BURST.size());
        assertThat(simulation.stop(Duration.ofSeconds(1)).state()).isEqualTo(State.COMPLETED);
    }

    static SimulationSettings settings(int accounts, Long durationSeconds) {
        return new SimulationSettings(1000, accounts, List.of("EUR", "USD", "GBP", "CHF"),
                new FraudShare(0, 0, 0), 3, durationSeconds, null);
    }
}
