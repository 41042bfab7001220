package dev.paymon.systemtest.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.Topics;
import dev.paymon.launcher.KafkaNodes;
import dev.paymon.launcher.LocalStack;
import dev.paymon.systemtest.FreePorts;
import dev.paymon.systemtest.SystemStack;
import dev.paymon.systemtest.reliability.ReliabilityRow;
import dev.paymon.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Losing a broker under load: a three-broker KRaft cluster (each broker its own process, every topic with three
 * replicas and {@code min.insync.replicas=2}) and the three real jars. While clients keep posting payments, the
 * broker leading most partitions of {@code payments.initiated.v1} is killed ({@code kill -9}); the clients go on
 * (retrying a 503 with the same {@code paymentId}) against the two left, then the broker is restarted on its data
 * and rejoins. Every acknowledged payment must be in {@code payments.enriched.v1} exactly once and in the database.
 */
class BrokerLossIT {

    private static final int BROKERS = 3;
    private static final Duration PHASE = Duration.ofSeconds(90);

    private static TestPostgres.Database database;
    private static LocalStack stack;
    private static long started;

    @BeforeAll
    static void startCluster() {
        started = System.nanoTime();
        database = TestPostgres.newSchema();
        List<Integer> brokerPorts = IntStream.range(0, BROKERS).mapToObj(i -> FreePorts.next()).toList();
        List<Integer> controllerPorts = IntStream.range(0, BROKERS).mapToObj(i -> FreePorts.next()).toList();
        stack = new LocalStack(SystemStack.settings(SystemStack.newDataDir("broker-loss"), database)
                .withBrokerJvmOptions(BrokerFaults.BROKER_JVM), new KafkaNodes(brokerPorts, controllerPorts)).start();
    }

    @AfterAll
    static void stopCluster() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void leaderOfTheInputPartitionsKilledUnderLoadLosesAndDoublesNothingAcknowledged() throws Exception {
        String bootstrap = stack.kafka().bootstrapServers();
        String input = Topics.PAYMENTS_INITIATED.name();
        AcknowledgedPayments payments =
                new AcknowledgedPayments("brk-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        RetryingClients clients = new RetryingClients(stack.publisher().url(), payments, 4, 40);
        try (Admin admin = BrokerFaults.admin(bootstrap)) {
            BrokerFaults.assertReplicated(admin, 3, 2);
            clients.start();
            await().atMost(PHASE).until(() -> payments.acknowledgedCount() >= 100);

            int leader = BrokerFaults.leaderOfMostPartitions(admin, input);
            boolean activeController = admin.describeMetadataQuorum().quorumInfo().get().leaderId() == leader;
            assertThat(stack.kafka().kill(leader)).as("exit code of kill -9").isEqualTo(137);
            long killedAt = System.nanoTime();
            int acknowledgedAtKill = payments.acknowledgedCount();
            await().atMost(PHASE).until(() -> BrokerFaults.partitions(admin, input).stream()
                    .noneMatch(partition -> partition.leader() != null && partition.leader().id() == leader));
            Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);
            await().atMost(PHASE).until(() -> payments.acknowledgedCount() >= acknowledgedAtKill + 150);

            long restartedAt = System.nanoTime();
            stack.kafka().restart(leader);
            List<String> replicated = List.of(input, Topics.PAYMENTS_ENRICHED.name(), "__transaction_state");
            await().atMost(PHASE).until(() -> BrokerFaults.inSyncEverywhere(admin, leader, replicated));
            System.out.printf("broker loss: killed node %d (%s); its partitions had new leaders after %d ms;"
                    + " restarted, it was back in sync after %d ms%n", leader,
                    activeController ? "the active controller" : "not the active controller", failover.toMillis(),
                    Duration.ofNanos(System.nanoTime() - restartedAt).toMillis());
            int acknowledgedAtRejoin = payments.acknowledgedCount();
            await().atMost(PHASE).until(() -> payments.acknowledgedCount() >= acknowledgedAtRejoin + 100);
        } finally {
            clients.stop(Duration.ofSeconds(30));
        }

        AcknowledgedPayments.Outcome outcome = payments.awaitSettled(bootstrap, database, Duration.ofMinutes(3));
        ReliabilityRow row = outcome.row("kill -9 of the input partitions' leader (1 of 3 brokers), restarted",
                "BrokerLossIT", Duration.ofNanos(System.nanoTime() - started));
        row.write("20-broker-leader-killed", List.of());
        System.out.printf("broker loss: %s%n", row.markdown());

        assertThat(clients.unexpectedAnswers()).isEmpty();
        assertThat(row.retries()).as("retries are the 503s").isEqualTo(clients.unavailableAnswers());
        assertThat(outcome.missing()).as("acknowledged but lost").isEmpty();
        assertThat(row.duplicates()).isZero();
        assertThat(row.deadLettered()).isZero();
        assertThat(row.delivered()).isEqualTo(row.acknowledged()).isEqualTo(row.sent());
    }
}
