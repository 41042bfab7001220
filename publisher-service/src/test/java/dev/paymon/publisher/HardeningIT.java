package dev.paymon.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.testing.TestApiKeys;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the public port gives away: health as status only, no metrics, and error bodies without stack traces,
 * exception or class names, whatever a client sends; the management port serves the rest.
 */
class HardeningIT extends PublisherIntegrationTest {

    static final List<String> INTERNALS = List.of("Exception", "at dev.", "at org.", "java.", "tools.jackson",
            "org.springframework", "com.fasterxml", "jakarta.", "Caused by", "`");

    static final String PAYMENT = """
            {"accountId":"acc-hardening","amount":"1.00","currency":"EUR","merchantId":"m-1",
             "merchantCategory":"5411","country":"DE","channel":"ATM"}""";

    /** Refusals about access and the server itself; malformed input is in the catalog of {@link BadInputIT}. */
    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("unknown API path", 404, json -> json.request("/api/v1/refunds").GET()),
                bad("unknown path", 404, json -> json.request("/refunds").GET()),
                bad("unknown actuator endpoint", 404, json -> json.request("/actuator/env").GET()),
                // The firewall refuses methods outside the standard ones before anything else looks at the request.
                bad("unknown method", 400, json -> json.request("/api/v1/payments")
                        .method("BREW", BodyPublishers.noBody())),
                // Refused by Tomcat before the application sees it, still as a problem detail
                bad("huge header", 400, json -> json.request("/api/v1/payments")
                        .header("X-Padding", "x".repeat(20_000)).header("Content-Type", JSON)
                        .POST(BodyPublishers.ofString(PAYMENT))),
                bad("no key", 401, json -> json.anonymous("/api/v1/payments").header("Content-Type", JSON)
                        .POST(BodyPublishers.ofString(PAYMENT))),
                bad("unknown key", 401, json -> json.anonymous("/api/v1/payments").header("Content-Type", JSON)
                        .header(TestApiKeys.HEADER, TestApiKeys.UNKNOWN).POST(BodyPublishers.ofString(PAYMENT))),
                bad("key without the role", 403, json -> json.anonymous("/api/v1/payments")
                        .header("Content-Type", JSON).header(TestApiKeys.HEADER, TestApiKeys.READ)
                        .POST(BodyPublishers.ofString(PAYMENT))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersABadRequestWithAProblemThatShowsNoInternals(Function<HardeningIT, HttpRequest.Builder> request,
                                                            int status) {
        HttpResponse<String> answer = send(request.apply(this));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(answer.body()).hasValue("application/problem+json");
        assertThat(json(answer.body()).get("status").asInt()).isEqualTo(status);
        assertThat(answer.body()).doesNotContain(INTERNALS).doesNotContainIgnoringCase("tomcat");
    }

    @Test
    void answersAJsonOverALimitNamingTheLimit() {
        HttpResponse<String> answer = send(post("/api/v1/payments", "{\"a\":".repeat(40) + "1" + "}".repeat(40)));

        assertThat(json(answer.body())).isEqualTo(json("""
                {"type":"https://paymon.dev/problems/json-limit","title":"JSON over a limit","status":400,
                 "detail":"The JSON is nested deeper than 32 levels (paymon.json.max-nesting-depth)",
                 "instance":"/api/v1/payments"}"""));
    }

    @Test
    void tellsTheHealthOnThePublicPortAsStatusOnly() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> health = send(anonymous(path).GET());

            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(send(anonymous("/actuator/info").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void keepsMetricsAndDetailsOffThePublicPort() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health/kafka",
                "/actuator")) {
            HttpResponse<String> answer = send(request(path).GET());

            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("paymon_", "jvm_", "components", "clusterId");
        }
    }

    @Test
    void servesMetricsAndDetailsOnTheManagementPort() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(management("/actuator/prometheus").body()).contains("jvm_memory_used_bytes",
                "paymon_publisher_payments_total");
        assertThat(json(management("/actuator/health").body()).at("/components/kafka/details/partitions").isObject())
                .isTrue();
    }

    private HttpRequest.Builder post(String path, String body) {
        return request(path).header("Content-Type", JSON).POST(BodyPublishers.ofString(body));
    }

    private static Arguments bad(String name, int status, Function<HardeningIT, HttpRequest.Builder> request) {
        return Arguments.of(Named.of(name, request), status);
    }
}
