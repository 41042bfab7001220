package dev.paymon.subscriber;

import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestEvents.payment;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.subscriber.projection.ProjectionCounters;
import dev.paymon.subscriber.projection.Projector;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tracing, latency histograms, client metrics and health groups of the whole service on the real broker and
 * PostgreSQL. Records carry a W3C {@code traceparent} as the processor writes it; the trace each projected
 * record ran in is read from the tracing context of its listener observation.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends SubscriberIntegrationTest {

    private static final String GROUP = "paymon-subscriber-observability-" + UUID.randomUUID();

    private static TestPostgres.Database database;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProjectedTraces traces;

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SubscriberDatabase.register(registry, database);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("spring.datasource.hikari.connection-init-sql", () -> "SET lock_timeout = '200ms'");
        registry.add("paymon.subscriber.retry.database.initial-interval", () -> "100ms");
        registry.add("paymon.subscriber.retry.database.max-interval", () -> "300ms");
    }

    @Test
    void projectsARecordInTheTraceOfItsTraceparentHeader() {
        String traceId = newTraceId();
        PaymentEnriched event = payment(id(), "acc-" + UUID.randomUUID(), "3.00", "EUR", "3.00", List.of());

        inTransaction(true, producer -> producer.send(traced(enriched(event), traceId)));

        awaitStored(event.payment().paymentId());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(traces.of(event.payment().accountId())).isEqualTo(traceId));
    }

    @Test
    void logsWithTheTraceIdOfTheRecordItHandles(CapturedOutput output) throws Exception {
        String traceId = newTraceId();
        String account = "acc-" + UUID.randomUUID();

        // Not JSON: dead-lettered, which the service logs while handling the record.
        send(new ProducerRecord<>(Topics.PAYMENTS_ENRICHED.name(), account, "not json".getBytes(UTF_8)), traceId);

        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().lines()
                .anyMatch(line -> line.contains("Dead-lettered") && line.contains(traceId)));
        assertThat(output.getOut().lines().filter(line -> line.contains("Dead-lettered") && line.contains(traceId)))
                .allMatch(line -> line.contains("[" + traceId + "-"));
        // The dead-letter producer, built by hand from Boot's producer factory, is measured too.
        assertThat(prometheus()).containsPattern("kafka_producer_record_send_total\\{[^}]*client_id=\"subscriber-service-producer");
    }

    @Test
    void timesEachStoredPaymentOnceAfterItsTransactionCommittedNeverForRolledBackAttempts() throws Exception {
        String account = "acc-" + UUID.randomUUID();
        PaymentEnriched barrier = payment(id(), account, "1.00", "EUR", "1.00", List.of());
        inTransaction(true, producer -> producer.send(enriched(barrier)));
        awaitStored(barrier.payment().paymentId());
        long endToEndBefore = endToEnd().count();
        double endToEndSecondsBefore = endToEnd().totalTime(TimeUnit.SECONDS);
        long projectionBefore = projectionLatency().count();
        double failuresBefore = databaseFailures();
        Instant occurredAt = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        PaymentEnriched late = payment(id(), account, "2.00", "EUR", "2.00", List.of(), occurredAt, Instant.now());

        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("LOCK TABLE payments IN ACCESS EXCLUSIVE MODE");
            inTransaction(true, producer -> producer.send(enriched(late)));
            await().atMost(Duration.ofSeconds(30)).until(() -> databaseFailures() - failuresBefore >= 3);
            assertThat(endToEnd().count()).as("nothing committed yet").isEqualTo(endToEndBefore);
            connection.rollback();
        }

        awaitStored(late.payment().paymentId());
        assertThat(endToEnd().count() - endToEndBefore).isEqualTo(1);
        assertThat(projectionLatency().count() - projectionBefore).isEqualTo(1);
        assertThat(endToEnd().totalTime(TimeUnit.SECONDS) - endToEndSecondsBefore).isBetween(120.0, 600.0);
        String prometheus = prometheus();
        assertThat(prometheus)
                .contains("paymon_subscriber_end_to_end_latency_seconds_bucket{application=\"subscriber-service\",le=\"")
                .contains("paymon_subscriber_projection_latency_seconds_bucket{application=\"subscriber-service\","
                        + "projection=\"payments\",le=\"")
                .contains("spring_kafka_listener_seconds_count{")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"consumer-" + GROUP + "-")
                .containsPattern("kafka_consumer_fetch_manager_records_consumed_total\\{");
    }

    @Test
    void readinessNeedsKafkaTheDatabaseAndProjectionsNotWaitingForItWhileLivenessNeedsNone() {
        Http http = Http.anonymous(managementPort);

        Http.Answer readiness = http.get("/actuator/health/readiness");
        Http.Answer liveness = http.get("/actuator/health/liveness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().get("components").propertyNames())
                .containsExactlyInAnyOrder("readinessState", "kafka", "db", "projections");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().get("components").propertyNames()).containsExactly("livenessState");
    }

    /** Remembers, by record key, the trace id each record was projected in. */
    static final class ProjectedTraces implements ObservationHandler<KafkaRecordReceiverContext> {

        private final Map<String, String> byKey = new ConcurrentHashMap<>();

        @Override
        public void onStop(KafkaRecordReceiverContext context) {
            TracingContext tracing = context.get(TracingContext.class);
            if (tracing != null && tracing.getSpan() != null) {
                byKey.put(String.valueOf(context.getRecord().key()), tracing.getSpan().context().traceId());
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof KafkaRecordReceiverContext;
        }

        String of(String key) {
            return byKey.get(key);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        ProjectedTraces projectedTraces() {
            return new ProjectedTraces();
        }
    }

    private Timer endToEnd() {
        return meters.get(Projector.END_TO_END).timer();
    }

    private Timer projectionLatency() {
        return meters.get(ProjectionCounters.LATENCY).tag("projection", "payments").timer();
    }

    private double databaseFailures() {
        var failures = meters.find("paymon.subscriber.failed.deliveries").tag("cause", "database").counter();
        return failures == null ? 0 : failures.count();
    }

    private void awaitStored(String paymentId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new Http(port).get("/api/v1/payments/" + paymentId).status() == 200);
    }

    private static <V> ProducerRecord<String, V> traced(ProducerRecord<String, V> record, String traceId) {
        record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(UTF_8));
        return record;
    }

    private static void send(ProducerRecord<String, byte[]> record, String traceId) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(traced(record, traceId));
        }
    }

    private String prometheus() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String id() {
        return "pay-" + UUID.randomUUID();
    }
}
