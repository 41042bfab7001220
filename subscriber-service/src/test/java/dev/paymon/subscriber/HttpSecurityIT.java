package dev.paymon.subscriber;

import static dev.paymon.subscriber.TestClients.committed;
import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestEvents.alert;
import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestApiKeys;
import dev.paymon.testing.TestKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The subscriber's HTTP side as a client and an attacker see it, on real HTTP (H2 in memory, the real broker):
 * every endpoint family behind its API key and role (401 without a key and, with the same body, with an unknown
 * one, 403 without the role, the answer with it, the key sent either way), health as status only and no metrics
 * on the public port, and error bodies without internals whatever a client sends.
 */
class HttpSecurityIT extends SubscriberIntegrationTest {

    private static final String GROUP = "paymon-subscriber-security-" + UUID.randomUUID();
    private static final String ACCOUNT = "acc-security-" + UUID.randomUUID();
    private static final String PAYMENT = "pay-" + UUID.randomUUID();
    private static final String ALERT = "alert-" + UUID.randomUUID();
    private static final List<String> INTERNALS = List.of("Exception", "at dev.", "at org.", "java.", "tools.jackson",
            "org.springframework", "com.fasterxml", "jakarta.", "Caused by", "`");
    private static final Map<String, String> KEY_OF_ROLE = Map.of("ingest", TestApiKeys.INGEST, "admin",
            TestApiKeys.ADMIN, "read", TestApiKeys.READ, "operate", TestApiKeys.OPERATE);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One call of an endpoint family, the role it needs and what it answers a caller with that role. */
    record Call(String method, String path, String role, int answer) {

        String pathOnly() {
            return path.replaceFirst("\\?.*", "");
        }
    }

    /** Status, content type and body of an answer; a live stream's body is not read (it would not end). */
    record Answer(int status, String contentType, String body, HttpResponse<InputStream> response) {
    }

    @LocalManagementPort
    int managementPort;

    @BeforeAll
    static void data() {
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED, Topics.FRAUD_ALERTS, Topics.ACCOUNTS_ACTIVITY,
                Topics.PAYMENTS_DLQ);
        inTransaction(true, producer -> producer.send(enriched(payment(PAYMENT, ACCOUNT, "12.50", "EUR", "12.50",
                List.of(ALERT)))));
        committed(Topics.FRAUD_ALERTS, ACCOUNT, List.of(alert(ALERT, ACCOUNT, FraudRule.LARGE_AMOUNT, Severity.HIGH,
                TestEvents.OCCURRED_AT, PAYMENT)));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + GROUP
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    @BeforeEach
    void projected() {
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/v1/payments/" + PAYMENT).status() == 200
                && http.get("/api/v1/alerts?accountId=" + ACCOUNT).body().size() == 1);
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                call("payment", new Call("GET", "/api/v1/payments/" + PAYMENT, "read", 200)),
                call("account summary", new Call("GET", "/api/v1/accounts/" + ACCOUNT + "/summary", "read", 200)),
                call("account payments", new Call("GET", "/api/v1/accounts/" + ACCOUNT + "/payments", "read", 200)),
                call("account activity", new Call("GET", "/api/v1/accounts/" + ACCOUNT + "/activity", "read", 200)),
                call("alerts", new Call("GET", "/api/v1/alerts?accountId=" + ACCOUNT, "read", 200)),
                call("acknowledge", new Call("POST", "/api/v1/alerts/" + ALERT + "/acknowledge", "operate", 200)),
                call("stats", new Call("GET", "/api/v1/stats", "read", 200)),
                // Live and idle: its head must come at once, well before the first heartbeat (15 s; calls time out at 10 s).
                call("stream", new Call("GET", "/api/v1/stream?accountId=" + ACCOUNT, "read", 200)),
                call("rebuild status", new Call("GET", "/api/v1/admin/rebuild", "admin", 200)),
                // A bad parameter: authorised and answered, and no rebuild started under the other tests.
                call("rebuild", new Call("POST", "/api/v1/admin/rebuild?force=maybe", "admin", 400)));
    }

    static Stream<Arguments> callsWithKeysLackingTheirRole() {
        return calls().flatMap(arguments -> {
            Call call = (Call) ((Named<?>) arguments.get()[0]).getPayload();
            return KEY_OF_ROLE.entrySet().stream().filter(role -> !role.getKey().equals(call.role()))
                    .map(role -> Arguments.of(arguments.get()[0], Named.of(role.getKey(), role.getValue())));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void refusesACallWithoutAKey(Call call) {
        Answer answer = send(call.method(), call.path());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.response().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"paymon\"");
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(Http.json(answer.body())).isEqualTo(Http.json("""
                {"type":"https://paymon.dev/problems/unauthorized","title":"Unauthorized","status":401,
                 "detail":"This call needs a valid API key, sent as X-API-Key: <key> or Authorization: Bearer <key>.",
                 "instance":"%s"}""".formatted(call.pathOnly())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void refusesAnUnknownKeyExactlyAsAMissingOne(Call call) {
        Answer missing = send(call.method(), call.path());
        Answer unknown = send(call.method(), call.path(), TestApiKeys.HEADER, TestApiKeys.UNKNOWN);
        Answer unknownBearer = send(call.method(), call.path(), "Authorization", "Bearer " + TestApiKeys.UNKNOWN);

        assertThat(List.of(unknown, unknownBearer)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(missing.body());
        });
    }

    @ParameterizedTest(name = "{0} with a key of role {1}")
    @MethodSource("callsWithKeysLackingTheirRole")
    void refusesAKeyWithoutTheRole(Call call, String key) {
        Answer answer = send(call.method(), call.path(), TestApiKeys.HEADER, key);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(Http.json(answer.body())).isEqualTo(Http.json("""
                {"type":"https://paymon.dev/problems/forbidden","title":"Forbidden","status":403,
                 "detail":"The API key does not hold the role this call needs.","instance":"%s"}"""
                .formatted(call.pathOnly())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void answersAKeyWithTheRoleSentEitherWay(Call call) {
        String key = KEY_OF_ROLE.get(call.role());

        Answer byHeader = send(call.method(), call.path(), TestApiKeys.HEADER, key);
        Answer byBearer = send(call.method(), call.path(), "Authorization", "Bearer " + key);

        assertThat(byHeader.status()).as(byHeader.body()).isEqualTo(call.answer());
        assertThat(byBearer.status()).as(byBearer.body()).isEqualTo(call.answer());
    }

    @Test
    void answersAnUnknownApiPathUnauthorizedWithoutAKeyAndNotFoundWithOne() {
        assertThat(send("GET", "/api/v1/refunds").status()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/refunds", TestApiKeys.HEADER, TestApiKeys.UNKNOWN).status()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/refunds", TestApiKeys.HEADER, TestApiKeys.OPERATE).status()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/payments/" + PAYMENT + "/refunds", TestApiKeys.HEADER, TestApiKeys.READ)
                .status()).isEqualTo(404);
    }

    /** Refusals about access and exposure; malformed input is in the catalog of {@link BadInputPostgresIT}. */
    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("unknown path", 404, "GET", "/refunds"),
                bad("unknown actuator endpoint", 404, "GET", "/actuator/env"),
                bad("no key", 401, "GET", "/api/v1/stats", "X-Nothing", "-"),
                bad("unknown key", 401, "GET", "/api/v1/stats", TestApiKeys.HEADER, TestApiKeys.UNKNOWN),
                bad("key without the role", 403, "GET", "/api/v1/stats", TestApiKeys.HEADER, TestApiKeys.OPERATE),
                bad("HEAD without the role", 403, "HEAD", "/api/v1/stats", TestApiKeys.HEADER, TestApiKeys.OPERATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersABadRequestWithAProblemThatShowsNoInternals(String method, String path, String[] headers,
                                                            int status) {
        Answer answer = send(method, path, headers);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (!method.equals("HEAD")) {
            assertThat(answer.contentType()).as(answer.body()).isEqualTo("application/problem+json");
            assertThat(Http.json(answer.body()).get("status").asInt()).isEqualTo(status);
        }
        assertThat(answer.body()).doesNotContain(INTERNALS);
    }

    @Test
    void tellsTheHealthOnThePublicPortAsStatusOnly() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Answer health = send("GET", path);

            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(send("GET", "/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void keepsMetricsAndDetailsOffThePublicPort() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health/db", "/actuator")) {
            Answer answer = send("GET", path, TestApiKeys.HEADER, TestApiKeys.ALL);

            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("paymon_", "jvm_", "components", "H2");
        }
    }

    @Test
    void servesMetricsAndDetailsOnTheManagementPortOnly() {
        Http management = Http.anonymous(managementPort);

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(management.get("/actuator/prometheus").text()).contains("jvm_memory_used_bytes",
                "paymon_subscriber_stream_clients");
        assertThat(management.get("/actuator/health").body().at("/components/db/status").asString()).isEqualTo("UP");
    }

    private Answer send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream body = response.body()) {
                // A stream that started is left unread and closed: the client goes away.
                String text = contentType.startsWith("text/event-stream") ? ""
                        : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), contentType, text, response);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Arguments call(String name, Call call) {
        return Arguments.of(Named.of(name, call));
    }

    private static Arguments bad(String name, int status, String method, String path, String... headers) {
        List<String> withKey = new ArrayList<>(List.of(headers));
        if (headers.length == 0) {
            withKey.addAll(List.of(TestApiKeys.HEADER, TestApiKeys.ALL));
        }
        return Arguments.of(Named.of(name, method), path, withKey.toArray(String[]::new), status);
    }
}
