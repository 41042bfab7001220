package dev.paymon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The {@code server.properties} the launcher writes, checked without starting a broker. */
class KafkaBrokerTests {

    private static final Path DATA = Path.of("/repo/.local/kafka");

    @Test
    void singleBrokerIsItsOwnQuorumWithOneCopyOfEveryInternalTopic() {
        Properties single = KafkaBroker.serverProperties(new KafkaBroker.BrokerSettings(9092, 9093, DATA,
                Path.of("/repo/.local/logs"), "cp", List.of()));

        assertThat(single).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:9093"),
                Map.entry("listeners", "PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093"),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:9092"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", DATA.resolve("kafka-data").toString()),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("log.cleaner.dedupe.buffer.size", "33554432")));
    }

    @Test
    void nodeOfThreeKnowsEveryVoterAndReplicatesThreeTimesWithTwoInSync() {
        KafkaNodes nodes = KafkaNodes.consecutive(3, 9092, 9093);
        Properties second = KafkaBroker.serverProperties(new KafkaBroker.BrokerSettings(9094, 9095,
                Path.of("/repo/.local/kafka-2"), Path.of("/repo/.local/logs"), "cp", List.of(), 2,
                nodes.quorumVoters(), 3));

        assertThat(second).contains(
                Map.entry("node.id", "2"),
                Map.entry("controller.quorum.voters", "1@localhost:9093,2@localhost:9095,3@localhost:9097"),
                Map.entry("listeners", "PLAINTEXT://localhost:9094,CONTROLLER://localhost:9095"),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:9094"),
                Map.entry("log.dirs", Path.of("/repo/.local/kafka-2/kafka-data").toString()),
                Map.entry("default.replication.factor", "3"),
                Map.entry("min.insync.replicas", "2"),
                Map.entry("offsets.topic.replication.factor", "3"),
                Map.entry("transaction.state.log.replication.factor", "3"),
                Map.entry("transaction.state.log.min.isr", "2"),
                Map.entry("share.coordinator.state.topic.replication.factor", "3"),
                Map.entry("share.coordinator.state.topic.min.isr", "2"),
                Map.entry("auto.create.topics.enable", "false"));
    }

    @Test
    void twoNodesReplicateTwiceAndNeedOneInSyncSoThatOneMayBeDown() {
        Properties first = KafkaBroker.serverProperties(new KafkaBroker.BrokerSettings(9092, 9093, DATA,
                Path.of("/logs"), "cp", List.of(), 1, KafkaNodes.consecutive(2, 9092, 9093).quorumVoters(), 2));

        assertThat(first).contains(Map.entry("default.replication.factor", "2"), Map.entry("min.insync.replicas", "1"),
                Map.entry("transaction.state.log.replication.factor", "2"),
                Map.entry("transaction.state.log.min.isr", "1"));
    }

    @Test
    void replicationIsAtMostThreeCopiesWithTwoInSyncFromThreeNodesOn() {
        assertThat(List.of(1, 2, 3, 5)).map(KafkaBroker::replicationFactor).containsExactly(1, 2, 3, 3);
        assertThat(List.of(1, 2, 3, 5)).map(KafkaBroker::minInSyncReplicas).containsExactly(1, 1, 2, 2);
    }
}
