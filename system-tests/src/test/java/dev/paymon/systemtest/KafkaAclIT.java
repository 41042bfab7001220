package dev.paymon.systemtest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.Topics;
import dev.paymon.events.access.KafkaAccess;
import dev.paymon.events.access.KafkaUser;
import dev.paymon.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Kafka security end to end: a real broker with SASL/SCRAM-SHA-512, the standard KRaft authorizer and
 * {@code allow.everyone.if.no.acl.found=false}; the users and ACLs of {@code kafka-access.tsv} (the definition
 * docker compose applies too); the three real service jars, each logged in as its own user only. Each service
 * does its whole job (reference data, payments, an alert, a window, dead letters of both DLQs) while the broker
 * denies them nothing; raw clients show what the ACLs forbid and that a wrong password does not get in.
 */
class KafkaAclIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KafkaAccess ACCESS = KafkaAccess.load();
    /** A key with every role, passed to the services as its hash only (paymon.security.api-keys). */
    private static final String API_KEY = "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    private static final Map<String, String> PASSWORDS = ACCESS.users().stream()
            .collect(Collectors.toMap(KafkaUser::name, user -> secret()));
    private static final String ACCOUNT = "acl-" + UUID.randomUUID();

    private static SaslKafkaBroker broker;
    private static final List<ServiceJar> SERVICES = new ArrayList<>();
    private static ServiceJar publisher;
    private static ServiceJar subscriber;

    /** A service jar running as its own JVM. */
    private record ServiceJar(String name, int port, int managementPort, ChildJvm jvm) {

        String url() {
            return "http://localhost:" + port;
        }
    }

    @BeforeAll
    static void startBrokerWithAclsAndServices() {
        TestPostgres.Database database = TestPostgres.newSchema();
        Path dataDir = SystemStack.newDataDir("kafka-acl");
        broker = SaslKafkaBroker.start(dataDir.resolve("kafka"), secret());
        broker.grant(ACCESS, PASSWORDS);

        publisher = start("publisher-service", "publisher", dataDir, List.of());
        start("processor-service", "processor", dataDir, List.of(
                "--spring.kafka.streams.state-dir=" + dataDir.resolve("processor-state"),
                // Short windows, so that an activity window closes within seconds.
                "--paymon.processor.windows.size=3s",
                "--paymon.processor.windows.grace=1s"));
        subscriber = start("subscriber-service", "subscriber", dataDir, List.of(
                "--paymon.data-dir=" + dataDir,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.flyway.default-schema=" + database.schema()));
        SERVICES.forEach(KafkaAclIT::awaitHealthy);
    }

    @AfterAll
    static void stopEverything() {
        SERVICES.forEach(service -> service.jvm().close());
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void eachServiceDoesItsJobWithItsOwnUserAndIsDeniedNothing() throws Exception {
        assertThat(call("PUT", publisher, "/api/v1/fx-rates/USD", "{\"rateToBase\":\"0.90\"}").statusCode())
                .isEqualTo(202);
        assertThat(call("PUT", publisher, "/api/v1/accounts/" + ACCOUNT,
                "{\"homeCountry\":\"DE\",\"riskTier\":\"LOW\",\"dailyLimit\":\"5000.00\",\"currency\":\"EUR\"}")
                .statusCode()).isEqualTo(202);
        String accepted = postPayment("40.00");
        // Above the default LARGE_AMOUNT limit whether or not the processor has seen the profile yet.
        String flagged = postPayment("20000.00");
        // Poison records written as the publisher's user: the processor dead-letters them to payments.dlq.v1, the
        // payment inside its transaction, the FX rate with its deserialization-error producer.
        SaslClients.send(client("publisher"), Topics.PAYMENTS_INITIATED.name(), ACCOUNT, "{not json".getBytes(UTF_8));
        SaslClients.send(client("publisher"), Topics.FX_RATES_REFERENCE.name(), "XXX", "{not json".getBytes(UTF_8));
        // A record the subscriber cannot read, written as the processor's user: it goes to subscriber.dlq.v1.
        SaslClients.send(client("processor"), Topics.PAYMENTS_ENRICHED.name(), ACCOUNT, "{broken".getBytes(UTF_8));

        assertThat(awaitJson(subscriber, "/api/v1/payments/" + accepted).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(awaitJson(subscriber, "/api/v1/payments/" + flagged).get("status").asString()).isEqualTo("FLAGGED");
        JsonNode alerts = await().atMost(PIPELINE).until(() -> json(subscriber, "/api/v1/alerts?accountId=" + ACCOUNT),
                body -> body != null && body.size() > 0);
        assertThat(alerts.findValuesAsString("rule")).contains("LARGE_AMOUNT");
        JsonNode windows = await().atMost(PIPELINE).until(
                () -> json(subscriber, "/api/v1/accounts/" + ACCOUNT + "/activity"), body -> body != null && body.size() > 0);
        assertThat(windows.get(0).get("count").asInt()).isPositive();
        JsonNode deadLetters = await().atMost(PIPELINE).until(() -> json(subscriber, "/api/v1/stats").get("deadLetters"),
                body -> body.get("total").asLong() >= 2);
        assertThat(deadLetters.get("byReason").get("UNDECODABLE").asLong()).isEqualTo(2);
        assertThat(deadLetters.get("last").findValuesAsString("sourceTopic"))
                .containsExactlyInAnyOrder(Topics.PAYMENTS_INITIATED.name(), Topics.FX_RATES_REFERENCE.name());
        assertThat(await().atMost(PIPELINE).until(
                () -> SaslClients.readAll(broker.adminClient(), Topics.SUBSCRIBER_DLQ.name()), records -> !records.isEmpty()))
                .extracting(record -> new String(record.value(), UTF_8)).containsExactly("{broken");

        assertThat(deniedToServices()).as("requests of the services the broker denied").isEmpty();
        for (ServiceJar service : SERVICES) {
            assertThat(service.jvm().log()).as(service.name() + " log")
                    .doesNotContain("AuthorizationException", "SaslAuthenticationException");
        }
    }

    @Test
    void theSubscribersUserCannotWriteToThePaymentsInputTopic() {
        try (KafkaProducer<String, byte[]> producer = SaslClients.producer(client("subscriber"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.PAYMENTS_INITIATED.name(), ACCOUNT,
                    "{}".getBytes(UTF_8))).get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TopicAuthorizationException.class)
                    .satisfies(e -> assertThat(((TopicAuthorizationException) e).unauthorizedTopics())
                            .containsExactly(Topics.PAYMENTS_INITIATED.name()));
        }
    }

    @Test
    void thePublishersUserCannotReadFraudAlerts() {
        try (KafkaConsumer<String, byte[]> consumer = SaslClients.consumer(client("publisher"))) {
            consumer.assign(List.of(new TopicPartition(Topics.FRAUD_ALERTS.name(), 0)));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class)
                    .satisfies(e -> assertThat(((TopicAuthorizationException) e).unauthorizedTopics())
                            .containsExactly(Topics.FRAUD_ALERTS.name()));
        }
    }

    @Test
    void aWrongPasswordCannotConnect() {
        Map<String, Object> wrong = SaslClients.scram(broker.bootstrapServers(), "publisher", secret());
        assertThatThrownBy(() -> SaslClients.authenticates(wrong))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SaslAuthenticationException.class);
        assertThatThrownBy(() -> SaslClients.send(wrong, Topics.PAYMENTS_INITIATED.name(), ACCOUNT, new byte[0]))
                .rootCause().isInstanceOf(SaslAuthenticationException.class);
    }

    /**
     * Denials the broker logged for the services' users, less those the other tests provoke on purpose (they may
     * run first).
     */
    private static List<String> deniedToServices() {
        return broker.log().lines()
                .filter(line -> line.contains("is Denied operation"))
                .filter(line -> ACCESS.users().stream().anyMatch(user -> line.contains("Principal = " + user.principal() + " ")))
                .filter(line -> !(line.contains("User:subscriber ") && line.contains(Topics.PAYMENTS_INITIATED.name())))
                .filter(line -> !(line.contains("User:publisher ") && line.contains(Topics.FRAUD_ALERTS.name())))
                .toList();
    }

    /**
     * Starts a service jar logged in to Kafka as {@code user} only, with the test's API key and its own
     * management port.
     */
    private static ServiceJar start(String module, String user, Path dataDir, List<String> extra) {
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        List<String> arguments = new ArrayList<>(List.of(
                "-jar", SystemStack.root().resolve(module).resolve("target").resolve(module + ".jar").toString(),
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                "--spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
                "--spring.kafka.properties.sasl.jaas.config=" + SaslClients.jaas(user, PASSWORDS.get(user)),
                "--paymon.topics.partitions=2",
                "--paymon.security.api-keys[0].name=acl-test",
                "--paymon.security.api-keys[0].hash=sha256:" + sha256(API_KEY),
                "--paymon.security.api-keys[0].roles=ingest,admin,read,operate"));
        arguments.addAll(extra);
        ServiceJar service = new ServiceJar(module, port, managementPort, ChildJvm.start(module, dataDir,
                dataDir.resolve("logs").resolve(module + ".log"), SystemStack.SERVICE_JVM, arguments));
        SERVICES.add(service);
        return service;
    }

    /** Health (Kafka, and Kafka Streams or the database) on the management port, where it is with or without API keys. */
    private static void awaitHealthy(ServiceJar service) {
        String health = "http://localhost:" + service.managementPort() + "/actuator/health";
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> {
                    service.jvm().checkAlive();
                    return send(HttpRequest.newBuilder(URI.create(health)).GET()).statusCode() == 200;
                });
    }

    private static String postPayment(String amount) {
        HttpResponse<String> answer = call("POST", publisher, "/api/v1/payments", """
                {"accountId":"%s","amount":"%s","currency":"EUR","merchantId":"m-1","merchantCategory":"5411",\
                "country":"DE","channel":"ECOMMERCE"}""".formatted(ACCOUNT, amount));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return Http.JSON.readTree(answer.body()).get("paymentId").asString();
    }

    private static JsonNode awaitJson(ServiceJar service, String path) {
        return await().atMost(PIPELINE).until(() -> json(service, path), Objects::nonNull);
    }

    /** The JSON body of a 200 answer, {@code null} otherwise. */
    private static JsonNode json(ServiceJar service, String path) {
        HttpResponse<String> answer = call("GET", service, path, null);
        return answer.statusCode() == 200 ? Http.JSON.readTree(answer.body()) : null;
    }

    /** An API call with the test's key. */
    private static HttpResponse<String> call(String method, ServiceJar service, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("X-API-Key", API_KEY)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> client(String user) {
        return SaslClients.scram(broker.bootstrapServers(), user, PASSWORDS.get(user));
    }

    private static String secret() {
        return HexFormat.of().formatHex(bytes(16));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
