package dev.paymon.processor;

import static dev.paymon.processor.Expected.activity;
import static dev.paymon.processor.Expected.alert;
import static dev.paymon.processor.Expected.deadLetter;
import static dev.paymon.processor.Expected.deserializer;
import static dev.paymon.processor.Expected.enrichedPayment;
import static dev.paymon.processor.Expected.flagged;
import static dev.paymon.processor.Expected.payment;
import static dev.paymon.processor.Expected.text;
import static dev.paymon.processor.Expected.undecodableDetail;
import static dev.paymon.processor.Expected.withoutDetectionTime;
import static dev.paymon.processor.Expected.withoutProcessingTime;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import dev.paymon.events.CloudEvents;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventDecodingException;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The processor as the launcher runs it (exactly-once, its own state directory) on a real broker
 * that allows transactions. Reference data is published before it starts, as in production where
 * the compacted reference topics already hold it; outputs are read {@code read_committed}.
 */
@TestMethodOrder(OrderAnnotation.class)
class ProcessorApplicationIT {

    private static final Instant UPDATED = Instant.parse("2026-11-28T00:00:00Z");
    private static final byte[] UNREADABLE_RATE = "CHF? no idea".getBytes(UTF_8);

    @TempDir
    static Path stateDir;

    private static ConfigurableApplicationContext app;
    private static Actuator actuator;
    /** The same paths on the public port (not the management port). */
    private static Actuator publicPort;
    private static Instant started;
    /** The window of the known input set. */
    private static Instant knownWindow;

    @BeforeAll
    static void startProcessorOverPublishedReferenceData() {
        TestKafka.createTopics(2, Topics.FX_RATES_REFERENCE, Topics.ACCOUNTS_REFERENCE, Topics.FRAUD_ALERTS);
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
                "--management.server.port=0",
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--paymon.topics.partitions=2",
                "--paymon.processor.windows.size=10s",
                "--paymon.processor.windows.grace=5s",
                // A restarted instance waits for its former self's session to expire before it gets partitions.
                "--spring.kafka.streams.properties.session.timeout.ms=10000");
        actuator = Actuator.onPort(app.getEnvironment().getProperty("local.management.port"));
        publicPort = Actuator.onPort(app.getEnvironment().getProperty("local.server.port"));
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
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        RecoveringDeserializationExceptionHandler.class.getName())
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                        "dev.paymon.processor.rocksdb.BoundedRocksDbMemory")
                .containsEntry("paymon.rocksdb.memory.bytes", Long.toString(128L * 1024 * 1024));
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
            // Every topic a projection is rebuilt from keeps records as long as the system of record; the alerts'
            // topic existed before with the broker's 7 days (an upgrade) and was brought to it.
            for (String projected : List.of(Topics.PAYMENTS_ENRICHED.name(), Topics.ACCOUNTS_ACTIVITY.name(),
                    Topics.FRAUD_ALERTS.name(), Topics.PAYMENTS_DLQ.name())) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, projected);
                assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic)
                        .get(TopicConfig.RETENTION_MS_CONFIG).value()).as(projected)
                        .isEqualTo(Long.toString(Duration.ofDays(90).toMillis()));
            }
        }
    }

    /**
     * One known input set, including duplicates, a late payment and poison records, and the exact
     * committed content of every output topic. Windows are 10 s with 5 s grace here; the payments' event
     * times lie in the first 1.2 s of the current window, behind the wall clock as a client stamps them, sent with
     * at least 7 s of the window and the 5 s grace left, so all are sent before the partitions, caught up, let the
     * wall clock close it.
     */
    @Test
    @Order(2)
    void processesAKnownInputExactlyOnceIntoEveryOutputTopic() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            long intoWindow = Instant.now().toEpochMilli() % 10_000;
            return intoWindow >= 1_500 && intoWindow < 3_000;
        });
        Instant window = Instant.ofEpochMilli(Instant.now().toEpochMilli() / 10_000 * 10_000);
        knownWindow = window;
        PaymentInitiated usd = payment("p-usd", "acc-1", "100.00", "USD", "DE", window);
        PaymentInitiated yen = payment("p-jpy", "acc-1", "1000", "JPY", "DE", window.plusMillis(200));
        PaymentInitiated large = payment("p-large", "acc-1", "6000.00", "EUR", "DE", window.plusMillis(400));
        PaymentInitiated last = payment("p-last", "acc-1", "1.00", "EUR", "DE", window.plusMillis(600));
        PaymentInitiated euro = payment("p-eur", "acc-2", "10.50", "EUR", "DE", window);
        PaymentInitiated pound = payment("p-gbp", "acc-2", "200.00", "GBP", "FR", window.plusMillis(200));
        PaymentInitiated franc = payment("p-chf", "acc-2", "50.00", "CHF", "DE", window.plusMillis(400));
        PaymentInitiated late = payment("p-late", "acc-2", "3.00", "EUR", "DE", window.minusSeconds(300));
        List<PaymentInitiated> burst = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> payment("p-v" + i, "acc-3", "1.00", "EUR", "DE", window.plusMillis(200L * (i - 1))))
                .toList();
        byte[] notJson = "{not json".getBytes(UTF_8);
        byte[] invalid = """
                {"paymentId":"p-bad","accountId":"acc-2","amount":"0","currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","channel":"ATM","occurredAt":"2026-11-28T10:15:00Z"}"""
                .getBytes(UTF_8);
        byte[] timeless = """
                {"paymentId":"p-when","accountId":"acc-1","amount":"5.00","currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","channel":"ATM"}""".getBytes(UTF_8);
        Map<String, RecordMetadata> at = new HashMap<>();
        try (Broker broker = new Broker()) {
            // Sent one by one (each acknowledged before the next, as a client retries), in well under the 8 s left.
            broker.send(Topics.PAYMENTS_INITIATED, usd.accountId(), usd);
            broker.send(Topics.PAYMENTS_INITIATED, euro.accountId(), euro);
            at.put("notJson", broker.send(Topics.PAYMENTS_INITIATED, "acc-1", notJson));
            at.put("invalid", broker.send(Topics.PAYMENTS_INITIATED, "acc-2", invalid));
            broker.send(Topics.PAYMENTS_INITIATED, pound.accountId(), pound);
            at.put("yen", broker.send(Topics.PAYMENTS_INITIATED, yen.accountId(), yen));
            at.put("franc", broker.send(Topics.PAYMENTS_INITIATED, franc.accountId(), franc));
            broker.send(Topics.PAYMENTS_INITIATED, large.accountId(), large);
            broker.send(Topics.PAYMENTS_INITIATED, large.accountId(), large);
            broker.send(Topics.PAYMENTS_INITIATED, last.accountId(), last);
            at.put("timeless", broker.send(Topics.PAYMENTS_INITIATED, "acc-1", timeless));
            burst.forEach(payment -> broker.send(Topics.PAYMENTS_INITIATED, payment.accountId(), payment));
            at.put("late", broker.send(Topics.PAYMENTS_INITIATED, late.accountId(), late));
            broker.send(Topics.PAYMENTS_INITIATED, euro.accountId(), euro);
        }

        // The windows close once the partitions are quiet, so everything else is committed by then.
        assertThat(Broker.readCommitted(Topics.ACCOUNTS_ACTIVITY, deserializer(Topics.ACCOUNTS_ACTIVITY), 3))
                .extracting(ConsumerRecord::key, ConsumerRecord::value, ConsumerRecord::timestamp)
                .containsExactlyInAnyOrder(
                        tuple("acc-1", activity("acc-1", window, 3, "6093.59", "6000.00"), window.plusSeconds(10).toEpochMilli()),
                        tuple("acc-2", activity("acc-2", window, 2, "244.50", "234.00"), window.plusSeconds(10).toEpochMilli()),
                        tuple("acc-3", activity("acc-3", window, 6, "6.00", "1.00"), window.plusSeconds(10).toEpochMilli()));

        AlertRaised largeAmount = alert(FraudRule.LARGE_AMOUNT, Severity.HIGH, "acc-1", "p-large", "p-large");
        AlertRaised dailyLimit = alert(FraudRule.DAILY_LIMIT, Severity.LOW, "acc-1",
                window.atZone(ZoneOffset.UTC).toLocalDate().toString(), "p-large");
        AlertRaised travel = alert(FraudRule.IMPOSSIBLE_TRAVEL, Severity.HIGH, "acc-2", "p-eur|p-gbp", "p-eur", "p-gbp");
        AlertRaised velocity = alert(FraudRule.VELOCITY, Severity.MEDIUM, "acc-3", window.toString(),
                "p-v1", "p-v2", "p-v3", "p-v4", "p-v5", "p-v6");
        // The late payment is checked like any other, against the sightings around its own time.
        AlertRaised lateTravel = alert(FraudRule.IMPOSSIBLE_TRAVEL, Severity.HIGH, "acc-2", "p-gbp|p-late",
                "p-late", "p-gbp");
        assertThat(Broker.readCommitted(Topics.FRAUD_ALERTS, deserializer(Topics.FRAUD_ALERTS), 5))
                .extracting(ConsumerRecord::key, r -> withoutDetectionTime(r.value()))
                .containsExactlyInAnyOrder(tuple("acc-1", largeAmount), tuple("acc-1", dailyLimit),
                        tuple("acc-2", travel), tuple("acc-3", velocity), tuple("acc-2", lateTravel));

        List<ConsumerRecord<String, PaymentEnriched>> enriched =
                Broker.readCommitted(Topics.PAYMENTS_ENRICHED, deserializer(Topics.PAYMENTS_ENRICHED), 12);
        List<Tuple> expected = new ArrayList<>(List.of(
                tuple("acc-1", enrichedPayment(usd, "92.59", RiskTier.HIGH)),
                tuple("acc-1", flagged(enrichedPayment(large, "6000.00", RiskTier.HIGH), largeAmount, dailyLimit)),
                tuple("acc-1", enrichedPayment(last, "1.00", RiskTier.HIGH)),
                tuple("acc-2", enrichedPayment(euro, "10.50", null)),
                tuple("acc-2", flagged(enrichedPayment(pound, "234.00", null), travel))));
        burst.subList(0, 5).forEach(payment -> expected.add(tuple("acc-3", enrichedPayment(payment, "1.00", null))));
        expected.add(tuple("acc-3", flagged(enrichedPayment(burst.get(5), "1.00", null), velocity)));
        // Its window closed five minutes before: processed all the same, marked late, not in any window's result.
        expected.add(tuple("acc-2", flagged(enrichedPayment(late, "3.00", null).asLate(), lateTravel)));
        assertThat(enriched).extracting(ConsumerRecord::key, r -> withoutProcessingTime(r.value()))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(enriched).extracting(r -> r.value().processedAt()).allMatch(t -> t.isAfter(started));
        assertThat(enriched).extracting(r -> CloudEvents.read(r.headers()).source()).containsOnly("/paymon/processor");

        List<ConsumerRecord<String, byte[]>> deadLetters = Broker.deadLettersFrom(Topics.PAYMENTS_INITIATED, 5);
        assertThat(deadLetters).extracting(ConsumerRecord::key, r -> text(r.value()), r -> DeadLetter.readFrom(r.headers()))
                .containsExactlyInAnyOrder(
                        tuple("acc-1", text(notJson), deadLetter(DeadLetterReason.UNDECODABLE, "decode",
                                undecodableDetail(notJson), at.get("notJson"))),
                        tuple("acc-2", text(invalid), deadLetter(DeadLetterReason.INVALID_EVENT, "validate",
                                "amount: must be greater than 0", at.get("invalid"))),
                        tuple("acc-1", text(EventJson.write(EventTypes.PAYMENT_INITIATED, yen)), deadLetter(
                                DeadLetterReason.UNKNOWN_FX_RATE, "enrich", "no FX rate from JPY to EUR", at.get("yen"))),
                        // The restored CHF rate cannot be read at lookup time: this payment alone fails.
                        tuple("acc-2", text(EventJson.write(EventTypes.PAYMENT_INITIATED, franc)), deadLetter(
                                DeadLetterReason.PROCESSING_ERROR, "enrich", EventDecodingException.class.getName() + ": "
                                        + undecodableDetail(UNREADABLE_RATE), at.get("franc"))),
                        tuple("acc-1", text(timeless), deadLetter(DeadLetterReason.MISSING_EVENT_TIME, "validate",
                                "occurredAt: missing", at.get("timeless"))));
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
    void exposesKafkaStreamsMetricsAndCountsDeadLettersDuplicatesLatePaymentsAndAlerts() {
        String prometheus = actuator.get("/prometheus").body();

        assertThat(prometheus).contains("kafka_stream_thread_process_total")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"paymon-processor");
        assertThat(prometheus.lines().filter(line -> line.startsWith("paymon_processor_dlq_records_total")))
                .containsExactlyInAnyOrder(
                        "paymon_processor_dlq_records_total{application=\"processor-service\",reason=\"INVALID_EVENT\"} 2.0",
                        "paymon_processor_dlq_records_total{application=\"processor-service\",reason=\"MISSING_EVENT_TIME\"} 1.0",
                        "paymon_processor_dlq_records_total{application=\"processor-service\",reason=\"PROCESSING_ERROR\"} 1.0",
                        "paymon_processor_dlq_records_total{application=\"processor-service\",reason=\"UNDECODABLE\"} 1.0",
                        "paymon_processor_dlq_records_total{application=\"processor-service\",reason=\"UNKNOWN_FX_RATE\"} 1.0");
        // Whether a reading of the input's progress failed depends on when the topics appeared; it is counted.
        assertThat(prometheus).contains("paymon_processor_input_progress_failures_total");
        assertThat(prometheus.lines().filter(line -> line.startsWith("paymon_processor_") && !line.contains("dlq")
                && !line.contains("input_progress")))
                .containsExactlyInAnyOrder(
                        "paymon_processor_alerts_total{application=\"processor-service\",rule=\"DAILY_LIMIT\"} 1.0",
                        "paymon_processor_alerts_total{application=\"processor-service\",rule=\"IMPOSSIBLE_TRAVEL\"} 2.0",
                        "paymon_processor_alerts_total{application=\"processor-service\",rule=\"LARGE_AMOUNT\"} 1.0",
                        "paymon_processor_alerts_total{application=\"processor-service\",rule=\"VELOCITY\"} 1.0",
                        "paymon_processor_duplicates_total{application=\"processor-service\"} 2.0",
                        "paymon_processor_late_payments_total{application=\"processor-service\"} 1.0",
                        "paymon_processor_payments_processed_total{application=\"processor-service\",status=\"ACCEPTED\"} 8.0",
                        "paymon_processor_payments_processed_total{application=\"processor-service\",status=\"FLAGGED\"} 4.0",
                        "paymon_processor_processing_guarantee{application=\"processor-service\",guarantee=\"exactly-once\"} 1.0",
                        "paymon_processor_stream_threads_alive{application=\"processor-service\"} 1.0");
    }

    @Test
    @Order(4)
    void readinessNeedsKafkaAndKafkaStreamsWhileLivenessNeedsNeither() {
        JsonNode readiness = JsonMapper.shared().readTree(actuator.get("/health/readiness").body());
        JsonNode liveness = JsonMapper.shared().readTree(actuator.get("/health/liveness").body());

        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").propertyNames())
                .containsExactlyInAnyOrder("readinessState", "kafka", "kafkaStreams");
        assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
    }

    @Test
    @Order(4)
    void tellsThePublicPortHealthAsStatusOnlyAndNoMetrics() {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            assertThat(publicPort.get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(publicPort.get(path).body()).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(publicPort.get("/info").statusCode()).isEqualTo(200);
        for (String path : List.of("/prometheus", "/metrics", "/health/kafkaStreams", "")) {
            assertThat(publicPort.get(path).statusCode()).as(path).isEqualTo(404);
            assertThat(publicPort.get(path).body()).as(path).doesNotContain("paymon_", "jvm_", "components");
        }
    }

    @Test
    @Order(4)
    void answersBadRequestsWithProblemsThatShowNoInternals() {
        List<HttpResponse<String>> answers = List.of(
                publicPort.send("GET", "/nothing-here"),
                publicPort.send("POST", "/health"),
                publicPort.send("DELETE", "/info"),
                publicPort.send("BREW", "/health"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(404, 405, 405, 405);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body())
                .doesNotContain("Exception", "at dev.", "at org.", "java.", "tools.jackson", "org.springframework",
                        "`"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json"));
    }

    /**
     * The enriched payment continues the trace of the payment record: same trace id, the processor's own span.
     * After the restart test, whose exact window results this payment would change.
     */
    @Test
    @Order(6)
    void continuesTheTraceOfAPaymentIntoItsEnrichedRecord() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String publisherSpanId = "00f067aa0ba902b7";
        PaymentInitiated traced = payment("p-traced", "acc-traced", "2.00", "EUR", "DE", Instant.now());
        try (Broker broker = new Broker()) {
            broker.send(Topics.PAYMENTS_INITIATED, traced.accountId(), traced,
                    "00-" + traceId + "-" + publisherSpanId + "-01");
        }

        ConsumerRecord<String, PaymentEnriched> enriched = Broker.readCommitted(Topics.PAYMENTS_ENRICHED,
                deserializer(Topics.PAYMENTS_ENRICHED), 14).stream()
                .filter(r -> r.value().payment().paymentId().equals("p-traced")).findFirst().orElseThrow();
        String traceparent = text(enriched.headers().lastHeader("traceparent").value());
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(publisherSpanId);
    }

    @Test
    @Order(5)
    void remembersPaymentIdsWatermarksAndClosedWindowsAcrossARestart() {
        StreamsBuilderFactoryBean streams = app.getBean(StreamsBuilderFactoryBean.class);
        streams.stop();
        streams.start();
        await().atMost(Broker.PATIENCE).until(() -> actuator.healthOf("kafkaStreams").equals("UP"));
        Instant now = Instant.now();
        PaymentInitiated marker = payment("p-marker", "acc-2", "1.00", "EUR", "DE", now);
        try (Broker broker = new Broker()) {
            broker.send(Topics.PAYMENTS_INITIATED, "acc-2", payment("p-eur", "acc-2", "10.50", "EUR", "DE", knownWindow));
            broker.send(Topics.PAYMENTS_INITIATED, "acc-2", marker);
        }

        // The marker's window closes after the resent payment was handled: by then every output is final.
        List<ConsumerRecord<String, AccountActivity>> activity =
                Broker.readCommitted(Topics.ACCOUNTS_ACTIVITY, deserializer(Topics.ACCOUNTS_ACTIVITY), 4);
        assertThat(activity).extracting(r -> r.value().accountId() + "@" + r.value().windowStart())
                .containsExactlyInAnyOrder("acc-1@" + knownWindow, "acc-2@" + knownWindow, "acc-3@" + knownWindow,
                        "acc-2@" + Instant.ofEpochMilli(now.toEpochMilli() / 10_000 * 10_000));
        assertThat(Broker.readCommitted(Topics.PAYMENTS_ENRICHED, deserializer(Topics.PAYMENTS_ENRICHED), 13))
                .extracting(r -> r.value().payment().paymentId())
                .filteredOn(id -> id.equals("p-eur") || id.equals("p-marker")).containsExactlyInAnyOrder("p-eur", "p-marker");
    }

    /**
     * A client whose clock runs four minutes ahead (the publisher would refuse it; this one writes to Kafka itself),
     * then current payments of ten other accounts on its partition: none of them is late, as the watermark never
     * passes the processor's clock, and the fast one is processed too (within {@code max-event-time-ahead}).
     */
    @Test
    @Order(6)
    void letsNoPaymentFromAFastClockMakeTheOtherPaymentsOfItsPartitionLate() {
        String fast = "acc-fast";
        int partition = partitionOf(fast);
        List<String> others = IntStream.range(0, 1000).mapToObj(i -> "acc-current-" + i)
                .filter(account -> partitionOf(account) == partition).limit(10).toList();
        Instant now = Instant.now();
        try (Broker broker = new Broker()) {
            broker.send(Topics.PAYMENTS_INITIATED, fast, payment("p-fast", fast, "1.00", "EUR", "DE",
                    now.plus(Duration.ofMinutes(4))));
            for (int i = 0; i < others.size(); i++) {
                broker.send(Topics.PAYMENTS_INITIATED, others.get(i), payment("p-current-" + i, others.get(i), "1.00",
                        "EUR", "DE", Instant.now().minusSeconds(1)));
            }
        }

        List<ConsumerRecord<String, PaymentEnriched>> mine = new ArrayList<>();
        await().atMost(Broker.PATIENCE).until(() -> {
            mine.clear();
            Broker.readCommitted(Topics.PAYMENTS_ENRICHED, deserializer(Topics.PAYMENTS_ENRICHED), 0).stream()
                    .filter(r -> r.value().payment().paymentId().matches("p-(fast|current-\\d+)")).forEach(mine::add);
            return mine.size() == 11;
        });
        assertThat(mine).extracting(r -> r.value().late()).containsOnly(false);
        assertThat(mine).extracting(ConsumerRecord::partition).containsOnly(partition);
        assertThat(Broker.readCommitted(Topics.PAYMENTS_DLQ, new ByteArrayDeserializer(), 0))
                .extracting(r -> text(r.value())).noneMatch(value -> value.contains("p-current-") || value.contains("p-fast"));
    }

    private static int partitionOf(String accountId) {
        return Utils.toPositive(Utils.murmur2(accountId.getBytes(UTF_8))) % 2;
    }

    @Test
    @Order(7)
    void reportsDownOnceKafkaStreamsHasStopped() {
        app.getBean(StreamsBuilderFactoryBean.class).stop();

        assertThat(actuator.get("/health").statusCode()).isEqualTo(503);
        assertThat(publicPort.get("/health").statusCode()).isEqualTo(503);
        assertThat(publicPort.get("/health").body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(actuator.healthOf("kafkaStreams")).isEqualTo("DOWN");
        assertThat(actuator.get("/health/readiness").statusCode()).isEqualTo(503);
        assertThat(actuator.get("/health/liveness").statusCode()).isEqualTo(200);
        assertThat(actuator.get("/prometheus").body())
                .contains("paymon_processor_stream_threads_alive{application=\"processor-service\"} 0.0");
    }
}
