package dev.paymon.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the nodes of a local cluster listen and keep their data, and what the services are told. */
class KafkaNodesTests {

    private final Path root = Path.of("/repo");
    private final Path dataDir = Path.of("/repo/.local");

    @Test
    void consecutiveNodesTakeEverySecondPortFromTheFirstOnes() {
        KafkaNodes nodes = KafkaNodes.consecutive(3, 9092, 9093);

        assertThat(nodes.brokerPorts()).containsExactly(9092, 9094, 9096);
        assertThat(nodes.controllerPorts()).containsExactly(9093, 9095, 9097);
        assertThat(nodes.quorumVoters()).isEqualTo("1@localhost:9093,2@localhost:9095,3@localhost:9097");
        assertThat(KafkaNodes.consecutive(1, 9092, 9093)).isEqualTo(KafkaNodes.single(9092, 9093));
    }

    @Test
    void refusesNoNodesAndUnpairedPorts() {
        assertThatThrownBy(() -> KafkaNodes.consecutive(0, 9092, 9093)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KafkaNodes(List.of(1, 2), List.of(3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void singleBrokerStackIsTheLocalDefaultWithoutReplicationArguments() {
        LocalStack stack = new LocalStack(StackSettings.defaults(root, dataDir));

        assertThat(stack.kafka().size()).isOne();
        assertThat(stack.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(stack.broker().metaProperties()).isEqualTo(dataDir.resolve("kafka/kafka-data/meta.properties"));
        for (Service service : stack.services()) {
            assertThat(service.command()).as(service.name()).contains("--spring.kafka.bootstrap-servers=localhost:9092")
                    .noneMatch(argument -> argument.startsWith("--paymon.topics.replication-factor"));
        }
    }

    @Test
    void clusterStackGivesEveryServiceAllNodesAndReplicationFactorThree() {
        LocalStack stack = new LocalStack(StackSettings.defaults(root, dataDir), KafkaNodes.consecutive(3, 9092, 9093));

        assertThat(stack.kafka().bootstrapServers()).isEqualTo("localhost:9092,localhost:9094,localhost:9096");
        assertThat(stack.kafka().brokers()).extracting(KafkaBroker::nodeId).containsExactly(1, 2, 3);
        assertThat(stack.kafka().broker(3).metaProperties())
                .isEqualTo(dataDir.resolve("kafka-3/kafka-data/meta.properties"));
        assertThat(stack.kafka().replicationFactor()).isEqualTo(3);
        for (Service service : stack.services()) {
            assertThat(service.command()).as(service.name()).contains(
                    "--spring.kafka.bootstrap-servers=localhost:9092,localhost:9094,localhost:9096",
                    "--paymon.topics.replication-factor=3");
        }
        assertThatThrownBy(() -> stack.kafka().broker(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
