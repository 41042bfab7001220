package dev.paymon.systemtest.poison;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.events.CloudEvents;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.Topics;
import dev.paymon.systemtest.KafkaClients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Finds the dead letters of poison records on both dead-letter topics by the source they name (topic, partition,
 * offset), and tells whether each poison record has the one expected: on {@code payments.dlq.v1} for the processor's
 * inputs, {@code subscriber.dlq.v1} for the subscriber's, with its reason and original bytes.
 */
final class PoisonDeadLetters {

    private static final Set<String> PROCESSOR_INPUTS = Set.of(Topics.PAYMENTS_INITIATED.name(),
            Topics.ACCOUNTS_REFERENCE.name(), Topics.FX_RATES_REFERENCE.name());

    private PoisonDeadLetters() {
    }

    /** The dead letters of each poison record, found by the source they name. */
    static Map<PoisonRecord.Placed, List<ConsumerRecord<String, byte[]>>> find(
            String bootstrap, List<PoisonRecord.Placed> placed) {
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        letters.addAll(KafkaClients.readAll(bootstrap, Topics.PAYMENTS_DLQ.name()));
        letters.addAll(KafkaClients.readAll(bootstrap, Topics.SUBSCRIBER_DLQ.name()));
        Map<String, List<ConsumerRecord<String, byte[]>>> bySource = letters.stream()
                .filter(letter -> CloudEvents.text(letter.headers(), HeaderNames.DLQ_REASON) != null)
                .filter(letter -> !letter.topic().equals(Topics.PAYMENTS_DLQ.name())
                        || !isPoisonOfTheDlq(letter, placed))
                .collect(Collectors.groupingBy(PoisonDeadLetters::source));
        return placed.stream().collect(Collectors.toMap(Function.identity(), poison -> bySource.getOrDefault(
                poison.poison().topic() + "-" + poison.partition() + "@" + poison.offset(), List.of())));
    }

    /** What is wrong with the dead letters of a poison record, or {@code null} when it has one as expected. */
    static String wrong(PoisonRecord.Placed poison, List<ConsumerRecord<String, byte[]>> found) {
        String expectedDlq = PROCESSOR_INPUTS.contains(poison.poison().topic())
                ? Topics.PAYMENTS_DLQ.name() : Topics.SUBSCRIBER_DLQ.name();
        if (found.size() != 1) {
            return poison + ": " + found.size() + " dead letters";
        }
        ConsumerRecord<String, byte[]> letter = found.get(0);
        DeadLetter deadLetter = DeadLetter.readFrom(letter.headers());
        if (!letter.topic().equals(expectedDlq) || deadLetter.reason() != poison.poison().reason()
                || !Arrays.equals(letter.value(), poison.poison().value())) {
            return poison + ": expected " + poison.poison().reason() + " on " + expectedDlq + " with the original bytes, "
                    + "was " + deadLetter + " on " + letter.topic() + " with " + (letter.value() == null ? "no value"
                    : new String(letter.value(), UTF_8));
        }
        return null;
    }

    /** A record this test wrote to payments.dlq.v1 itself, which may carry dead-letter headers of its own. */
    private static boolean isPoisonOfTheDlq(ConsumerRecord<String, byte[]> letter, List<PoisonRecord.Placed> placed) {
        return placed.stream().anyMatch(poison -> poison.poison().topic().equals(letter.topic())
                && poison.partition() == letter.partition() && poison.offset() == letter.offset());
    }

    private static String source(ConsumerRecord<String, byte[]> letter) {
        DeadLetter deadLetter = DeadLetter.readFrom(letter.headers());
        return deadLetter.sourceTopic() + "-" + deadLetter.sourcePartition() + "@" + deadLetter.sourceOffset();
    }
}
