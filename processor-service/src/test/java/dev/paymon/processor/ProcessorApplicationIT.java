package dev.paymon.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.Channel;
import dev.paymon.events.CloudEvents;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventDecodingException;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * The processor as the launcher runs it (exactly-once, its own state directory) on a real broker
 * that allows transactions. Reference data is published before it starts, as in production where
 * the compacted reference topics already hold it; outputs are read {@code read_committed}.
 */
@TestMethodOrder(OrderAnnotation.class)
class ProcessorApplicationIT {

    private static final Instant OCCURRED = Instant.parse("2026-11-28T10:15:00Z");
    private static final Instant UPDATED = Instant.parse("2026-11-28T00:00:00Z");
    private static final byte[] UNREADABLE_RATE = "CHF? no idea".getBytes(UTF_8);

    @TempDir
    static Path stateDir;

    private static ConfigurableApplicationContext app;
    private static Actuator actuator;
    private static Instant started;

    @BeforeAll
    static void startProcessorOverPublishedReferenceData() {
        TestKafka.createTopics(2, Topics.FX_RATES_REFERENCE, Topics.ACCOUNTS_REFERENCE);
        try (Broker broker = new Broker()) {
            broker.send(Topics.FX_RATES_REFERENCE, "USD", new FxRateUpdated("USD", new BigDecimal("0.9259"), "EUR", UPDATED));
            broker.send(Topics.FX_RATES_REFERENCE, "GBP", """
                    {"currency":"GBP","rateToBase":"1.17","updatedAt":"2026-11-28T00:00:00Z"}""".getBytes(UTF_8));
            // Already in the topic at start-up: Kafka Streams restores it into the table without reading it.
            broker.send(Topics.FX_RATES_REFERENCE, "CHF", UNREADABLE_RATE);
            broker.send(Topics.ACCOUNTS_REFERENCE, "acc-1", new AccountProfileUpdated("acc-1", "DE", RiskTier.HIGH,
                    new BigDecimal("5000.00"), "EUR", UPDATED));
        }
        started = Instant.now();
        app = new SpringApplicationBuilder(ProcessorApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--server.port=0",
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--paymon.topics.partitions=2");
        actuator = Actuator.onPort(app.getEnvironment().getProperty("local.server.port"));
        await().atMost(Broker.PATIENCE).until(() -> actuator.healthOf("kafkaStreams").equals("UP"));
    }

    @AfterAll
    static void stopProcessor() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void runsExactlyOnceWithExplicitNamesItsOwnStateDirectoryAndRecoveringHandlers() {
        StreamsBuilderFactoryBean factory = app.getBean(StreamsBuilderFactoryBean.class);
        Properties streams = factory.getStreamsConfiguration();

        assertThat(streams).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "paymon-processor")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString())
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        RecoveringDeserializationExceptionHandler.class.getName());
        assertThat(factory.getStreamsUncaughtExceptionHandler().handle(new IllegalStateException("bug")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    @Order(1)
    void createsTheMissingTopicsItReadsAndWrites() throws Exception {
        List<String> created = List.of(Topics.PAYMENTS_INITIATED.name(), Topics.PAYMENTS_ENRICHED.name(),
                Topics.ACCOUNTS_ACTIVITY.name(), Topics.FRAUD_ALERTS.name(), Topics.PAYMENTS_DLQ.name());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(created).allTopicNames().get();
            assertThat(descriptions.values()).extracting(d -> d.partitions().size()).containsExactly(2, 2, 2, 2, 2);
            ConfigResource enriched = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PAYMENTS_ENRICHED.name());
            assertThat(admin.describeConfigs(List.of(enriched)).all().get().get(enriched)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(Long.toString(Duration.ofDays(90).toMillis()));
        }
    }

    @Test
    @Order(2)
    void enrichesValidPaymentsAndDeadLettersTheRest() {
        PaymentInitiated usd = payment("p-usd", "acc-1", "100.00", "USD");
        PaymentInitiated euro = payment("p-eur", "acc-2", "10.50", "EUR");
        PaymentInitiated pound = payment("p-gbp", "acc-2", "200.00", "GBP");
        PaymentInitiated yen = payment("p-jpy", "acc-1", "1000", "JPY");
        PaymentInitiated franc = payment("p-chf", "acc-2", "50.00", "CHF");
        PaymentInitiated afterBadOnes = payment("p-last", "acc-1", "1.00", "EUR");
        byte[] notJson = "{not json".getBytes(UTF_8);
        byte[] invalid = """
                {"paymentId":"p-bad","accountId":"acc-2","amount":"0","currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","channel":"ATM","occurredAt":"2026-11-28T10:15:00Z"}"""
                .getBytes(UTF_8);
        RecordMetadata notJsonAt;
        RecordMetadata invalidAt;
        RecordMetadata yenAt;
        RecordMetadata francAt;
        try (Broker broker = new Broker()) {
            broker.send(Topics.PAYMENTS_INITIATED, usd.accountId(), usd);
            broker.send(Topics.PAYMENTS_INITIATED, euro.accountId(), euro);
            notJsonAt = broker.send(Topics.PAYMENTS_INITIATED, "acc-1", notJson);
            invalidAt = broker.send(Topics.PAYMENTS_INITIATED, "acc-2", invalid);
            broker.send(Topics.PAYMENTS_INITIATED, pound.accountId(), pound);
            yenAt = broker.send(Topics.PAYMENTS_INITIATED, yen.accountId(), yen);
            francAt = broker.send(Topics.PAYMENTS_INITIATED, franc.accountId(), franc);
            broker.send(Topics.PAYMENTS_INITIATED, afterBadOnes.accountId(), afterBadOnes);
        }

        List<ConsumerRecord<String, PaymentEnriched>> enriched = Broker.readCommitted(Topics.PAYMENTS_ENRICHED,
                Topics.PAYMENTS_ENRICHED.valueSerde("/paymon/test").deserializer(), 4);
        assertThat(enriched).extracting(ConsumerRecord::key, r -> withoutProcessingTime(r.value()))
                .containsExactlyInAnyOrder(
                        tuple("acc-1", enrichedPayment(usd, "92.59", RiskTier.HIGH)),
                        tuple("acc-2", enrichedPayment(euro, "10.50", null)),
                        tuple("acc-2", enrichedPayment(pound, "234.00", null)),
                        tuple("acc-1", enrichedPayment(afterBadOnes, "1.00", RiskTier.HIGH)));
        assertThat(enriched).extracting(r -> r.value().processedAt()).allMatch(t -> t.isAfter(started));
        assertThat(enriched).extracting(r -> CloudEvents.read(r.headers()).source()).containsOnly("/paymon/processor");

        List<ConsumerRecord<String, byte[]>> deadLetters = Broker.deadLettersFrom(Topics.PAYMENTS_INITIATED, 4);
        assertThat(deadLetters).extracting(ConsumerRecord::key, r -> text(r.value()), r -> DeadLetter.readFrom(r.headers()))
                .containsExactlyInAnyOrder(
                        tuple("acc-1", text(notJson), deadLetter(DeadLetterReason.UNDECODABLE, "decode",
                                undecodableDetail(notJson), notJsonAt)),
                        tuple("acc-2", text(invalid), deadLetter(DeadLetterReason.INVALID_EVENT, "validate",
                                "amount: must be greater than 0", invalidAt)),
                        tuple("acc-1", text(EventJson.write(EventTypes.PAYMENT_INITIATED, yen)), deadLetter(
                                DeadLetterReason.UNKNOWN_FX_RATE, "enrich", "no FX rate from JPY to EUR", yenAt)),
                        // The restored CHF rate cannot be read at lookup time: this payment alone fails.
                        tuple("acc-2", text(EventJson.write(EventTypes.PAYMENT_INITIATED, franc)), deadLetter(
                                DeadLetterReason.PROCESSING_ERROR, "enrich", EventDecodingException.class.getName() + ": "
                                        + undecodableDetail(UNREADABLE_RATE), francAt)));
    }

    @Test
    @Order(3)
    void deadLettersReferenceDataItCannotReadAndKeepsRunning() {
        byte[] negativeRate = """
                {"currency":"SEK","rateToBase":"-0.09","baseCurrency":"EUR","updatedAt":"2026-11-28T00:00:00Z","schemaVersion":2}"""
                .getBytes(UTF_8);
        RecordMetadata at;
        try (Broker broker = new Broker()) {
            at = broker.send(Topics.FX_RATES_REFERENCE, "SEK", negativeRate);
        }

        assertThat(Broker.deadLettersFrom(Topics.FX_RATES_REFERENCE, 1))
                .extracting(ConsumerRecord::key, r -> text(r.value()), r -> DeadLetter.readFrom(r.headers()))
                .containsExactly(tuple("SEK", text(negativeRate), deadLetter(DeadLetterReason.INVALID_EVENT, "validate",
                        "rateToBase: must be greater than 0", at)));
        assertThat(actuator.healthOf("kafkaStreams")).isEqualTo("UP");
    }

    @Test
    @Order(4)
    void exposesKafkaStreamsMetricsAndCountsDeadLettersByReason() {
        String prometheus = actuator.get("/prometheus").body();

        assertThat(prometheus).contains("kafka_stream_thread_process_total");
        assertThat(prometheus.lines().filter(line -> line.startsWith("paymon_processor_dlq_records_total")))
                .containsExactlyInAnyOrder(
                        "paymon_processor_dlq_records_total{application=\"processor-service\",reason=\"INVALID_EVENT\"} 2.0",
                        "paymon_processor_dlq_records_total{application=\"processor-service\",reason=\"PROCESSING_ERROR\"} 1.0",
                        "paymon_processor_dlq_records_total{application=\"processor-service\",reason=\"UNDECODABLE\"} 1.0",
                        "paymon_processor_dlq_records_total{application=\"processor-service\",reason=\"UNKNOWN_FX_RATE\"} 1.0");
    }

    @Test
    @Order(5)
    void reportsDownOnceKafkaStreamsHasStopped() {
        app.getBean(StreamsBuilderFactoryBean.class).stop();

        assertThat(actuator.get("/health").statusCode()).isEqualTo(503);
        assertThat(actuator.healthOf("kafkaStreams")).isEqualTo("DOWN");
    }

    private static PaymentInitiated payment(String paymentId, String accountId, String amount, String currency) {
        return new PaymentInitiated(paymentId, accountId, new BigDecimal(amount), currency, "merchant-7", "5411", "DE",
                Channel.ECOMMERCE, OCCURRED);
    }

    private static PaymentEnriched enrichedPayment(PaymentInitiated payment, String amountBase, RiskTier tier) {
        return new PaymentEnriched(payment, new BigDecimal(amountBase), "EUR", tier, PaymentStatus.ACCEPTED, List.of(),
                Instant.EPOCH);
    }

    private static PaymentEnriched withoutProcessingTime(PaymentEnriched enriched) {
        return new PaymentEnriched(enriched.payment(), enriched.amountBase(), enriched.baseCurrency(),
                enriched.riskTier(), enriched.status(), enriched.alertIds(), Instant.EPOCH);
    }

    private static DeadLetter deadLetter(DeadLetterReason reason, String stage, String detail, RecordMetadata source) {
        return new DeadLetter(reason, stage, detail, source.topic(), source.partition(), source.offset());
    }

    private static String undecodableDetail(byte[] value) {
        try {
            EventJson.read(EventTypes.PAYMENT_INITIATED, value);
        } catch (EventDecodingException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the value to be undecodable");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }
}
