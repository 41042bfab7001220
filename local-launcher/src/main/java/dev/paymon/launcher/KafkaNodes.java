package dev.paymon.launcher;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The ports of the stack's Kafka nodes, node id {@code i + 1} at index {@code i}: one node (the local default), or
 * several combined broker and controller nodes that form one KRaft cluster.
 *
 * @param brokerPorts     the client (PLAINTEXT) port of each node
 * @param controllerPorts the controller (KRaft quorum) port of each node
 */
public record KafkaNodes(List<Integer> brokerPorts, List<Integer> controllerPorts) {

    public KafkaNodes {
        brokerPorts = List.copyOf(brokerPorts);
        controllerPorts = List.copyOf(controllerPorts);
        if (brokerPorts.isEmpty() || brokerPorts.size() != controllerPorts.size()) {
            throw new IllegalArgumentException("one broker port and one controller port per node, at least one node; got "
                    + brokerPorts + " and " + controllerPorts);
        }
    }

    /** One broker, its own quorum: what {@code ./run-local.sh} starts. */
    public static KafkaNodes single(int brokerPort, int controllerPort) {
        return new KafkaNodes(List.of(brokerPort), List.of(controllerPort));
    }

    /**
     * {@code count} nodes on every second port from the first ones: with 9092 and 9093, node 1 listens on 9092 and
     * 9093, node 2 on 9094 and 9095, node 3 on 9096 and 9097.
     */
    public static KafkaNodes consecutive(int count, int firstBrokerPort, int firstControllerPort) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one broker, got " + count);
        }
        List<Integer> brokers = IntStream.range(0, count).mapToObj(i -> firstBrokerPort + 2 * i).toList();
        List<Integer> controllers = IntStream.range(0, count)
                .mapToObj(i -> firstControllerPort + 2 * i).toList();
        return new KafkaNodes(brokers, controllers);
    }

    public int count() {
        return brokerPorts.size();
    }

    /** {@code controller.quorum.voters}: every node is a voter. */
    String quorumVoters() {
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < count(); i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@localhost:").append(controllerPorts.get(i));
        }
        return voters.toString();
    }
}
