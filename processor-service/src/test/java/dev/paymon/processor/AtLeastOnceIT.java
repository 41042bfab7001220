package dev.paymon.processor;

import static dev.paymon.processor.Expected.deserializer;
import static dev.paymon.processor.Expected.enrichedPayment;
import static dev.paymon.processor.Expected.payment;
import static dev.paymon.processor.Expected.text;
import static dev.paymon.processor.Expected.withoutProcessingTime;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The processor in the explicit at-least-once mode on a real broker: no transactions, so its outputs are visible
 * to a {@code read_uncommitted} consumer as well as a {@code read_committed} one; valid payments are enriched, bad
 * ones dead-lettered. Its own application id, so it keeps no state of the other tests' processor.
 */
class AtLeastOnceIT {

    @TempDir
    static Path stateDir;

    @Test
    void enrichesValidPaymentsAndDeadLettersBadOnesWithoutTransactions() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        PaymentInitiated first = payment("alo-1-" + run, "alo-acc-" + run, "10.00", "EUR", "DE", now);
        PaymentInitiated second = payment("alo-2-" + run, "alo-acc-" + run, "20.00", "EUR", "DE", now.plusMillis(1));
        byte[] notJson = ("{not json " + run).getBytes(UTF_8);

        try (ConfigurableApplicationContext app = start("at-least-once")) {
            Properties streams = app.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();
            assertThat(streams).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)
                    .doesNotContainKey("transactional.id");
            Actuator actuator = Actuator.onPort(app.getEnvironment().getProperty("local.management.port"));
            await().atMost(Broker.PATIENCE).until(() -> actuator.healthOf("kafkaStreams").equals("UP"));
            assertThat(actuator.get("/prometheus").body()).contains(
                    "paymon_processor_processing_guarantee{application=\"processor-service\",guarantee=\"at-least-once\"} 1.0");
            try (Broker broker = new Broker()) {
                broker.send(Topics.PAYMENTS_INITIATED, first.accountId(), first);
                broker.send(Topics.PAYMENTS_INITIATED, first.accountId(), notJson);
                broker.send(Topics.PAYMENTS_INITIATED, second.accountId(), second);
            }

            for (String isolation : List.of("read_uncommitted", "read_committed")) {
                List<ConsumerRecord<String, PaymentEnriched>> enriched = await().atMost(Broker.PATIENCE).until(
                        () -> ofThisRun(Broker.read(Topics.PAYMENTS_ENRICHED, deserializer(Topics.PAYMENTS_ENRICHED), 0,
                                isolation), run), found -> found.size() >= 2);
                assertThat(enriched).as(isolation).extracting(ConsumerRecord::key, r -> withoutProcessingTime(r.value()))
                        .containsExactlyInAnyOrder(tuple(first.accountId(), enrichedPayment(first, "10.00", null)),
                                tuple(second.accountId(), enrichedPayment(second, "20.00", null)));
                List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Broker.PATIENCE).until(
                        () -> Broker.read(Topics.PAYMENTS_DLQ, new ByteArrayDeserializer(), 0, isolation).stream()
                                .filter(r -> text(r.value()).equals(text(notJson))).toList(), found -> !found.isEmpty());
                assertThat(deadLetters).as(isolation).extracting(ConsumerRecord::key,
                                r -> DeadLetter.readFrom(r.headers()).reason())
                        .containsExactly(tuple(first.accountId(), DeadLetterReason.UNDECODABLE));
            }
        }
    }

    @Test
    void refusesToStartWhenTheStreamsPropertiesNameAnotherGuarantee() {
        assertThatThrownBy(() -> start("exactly-once",
                "--spring.kafka.streams.properties.processing.guarantee=at_least_once").close())
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paymon.processor.processing-guarantee=exactly-once")
                .hasMessageContaining("spring.kafka.streams.properties.processing.guarantee=at_least_once");
    }

    private static List<ConsumerRecord<String, PaymentEnriched>> ofThisRun(
            List<ConsumerRecord<String, PaymentEnriched>> records, String run) {
        return records.stream().filter(r -> r.value().payment().paymentId().endsWith(run)).toList();
    }

    private static ConfigurableApplicationContext start(String guarantee, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--server.port=0",
                "--management.server.port=0",
                "--spring.kafka.streams.application-id=paymon-processor-alos",
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--paymon.topics.partitions=2",
                "--paymon.processor.processing-guarantee=" + guarantee));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ProcessorApplication.class).run(args.toArray(String[]::new));
    }
}
