package dev.paymon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kafka cluster of {@code docker-compose.yml}: three KRaft nodes that survive the loss of one without losing
 * acknowledged data, and services that create their topics with three replicas.
 */
class KafkaClusterTests {

    private final ComposeFile compose = ComposeFile.load();

    private List<ComposeService> kafkaNodes() {
        return compose.services().values().stream()
                .filter(service -> service.image() != null && service.image().startsWith("apache/kafka:"))
                // Nodes, not every container of the image (kafka-init runs it too).
                .filter(service -> service.environment().containsKey("KAFKA_NODE_ID"))
                .toList();
    }

    @Test
    void threeNodesFormTheControllerQuorumAndCarryData() {
        List<ComposeService> nodes = kafkaNodes();
        assertThat(nodes).hasSize(3);
        List<String> names = nodes.stream().map(ComposeService::name).toList();
        assertThat(nodes).extracting(node -> node.environment().get("KAFKA_NODE_ID")).doesNotHaveDuplicates();
        for (ComposeService node : nodes) {
            Map<String, String> environment = node.environment();
            assertThat(environment.get("KAFKA_PROCESS_ROLES")).as(node.name()).contains("broker", "controller");
            List<String> voterHosts = Arrays.stream(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","))
                    .map(voter -> voter.replaceFirst("^\\d+@", "").replaceFirst(":\\d+$", ""))
                    .toList();
            assertThat(voterHosts).as(node.name() + " quorum").containsExactlyInAnyOrderElementsOf(names);
            assertThat(environment.get("CLUSTER_ID")).as(node.name()).isEqualTo("${KAFKA_CLUSTER_ID}");
            assertThat(node.mounts()).as(node.name() + " data")
                    .anySatisfy(mount -> {
                        assertThat(mount.target()).isEqualTo(environment.get("KAFKA_LOG_DIRS"));
                        assertThat(compose.declaredVolumes()).contains(mount.source());
                    });
        }
    }

    @Test
    void everyNodeReplicatesThreeTimesAndAcknowledgesWithTwoInSync() {
        for (ComposeService node : kafkaNodes()) {
            assertThat(node.environment()).as(node.name())
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        }
    }

    @Test
    void theServicesCreateTheirTopicsWithThreeReplicasAndKnowEveryBroker() {
        List<String> internalListeners = kafkaNodes().stream()
                .map(node -> Arrays.stream(node.environment().get("KAFKA_ADVERTISED_LISTENERS").split(","))
                        .filter(listener -> listener.startsWith(node.environment().get("KAFKA_INTER_BROKER_LISTENER_NAME") + "://"))
                        .map(listener -> listener.substring(listener.indexOf("://") + 3))
                        .findFirst().orElseThrow())
                .toList();
        for (String name : ServiceModule.SERVICES) {
            Map<String, String> environment = compose.service(name).environment();
            assertThat(environment).as(name).containsEntry("PAYMON_TOPICS_REPLICATIONFACTOR", "3");
            assertThat(environment.get("SPRING_KAFKA_BOOTSTRAPSERVERS").split(",")).as(name + " bootstrap servers")
                    .containsExactlyInAnyOrderElementsOf(internalListeners);
            assertThat(compose.service(name).dependsOn()).as(name)
                    .containsKeys(kafkaNodes().stream().map(ComposeService::name).toArray(String[]::new));
        }
    }
}
