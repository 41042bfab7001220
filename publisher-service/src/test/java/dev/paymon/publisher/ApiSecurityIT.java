package dev.paymon.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.testing.TestApiKeys;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint family of the publisher behind its API key, on real HTTP: 401 without a key and (with the same
 * body) with an unknown one, 403 with a key that lacks the role, and the endpoint's own answer with the role, the key
 * sent either way.
 */
class ApiSecurityIT extends PublisherIntegrationTest {

    /**
     * One call of an endpoint family, the roles that may make it (comma-separated, the first one is sent) and what
     * it answers a caller with that role.
     */
    record Call(String method, String path, String body, String role, int answer) {

        List<String> roles() {
            return List.of(role.split(","));
        }


        HttpRequest.Builder with(HttpRequest.Builder request) {
            return request.header("Content-Type", JSON)
                    .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        }

        String pathOnly() {
            return path.replaceFirst("\\?.*", "");
        }
    }

    static final Map<String, String> KEY_OF_ROLE = Map.of("ingest", TestApiKeys.INGEST, "admin", TestApiKeys.ADMIN,
            "read", TestApiKeys.READ, "operate", TestApiKeys.OPERATE, "simulate", TestApiKeys.SIMULATE);

    static Stream<Arguments> calls() {
        String payment = """
                {"accountId":"acc-security","amount":"1.00","currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","channel":"ATM"}""";
        return Stream.of(
                call("payments", new Call("POST", "/api/v1/payments", payment, "ingest", 202)),
                call("payments, async", new Call("POST", "/api/v1/payments?async=true", payment, "ingest", 202)),
                call("batch", new Call("POST", "/api/v1/payments/batch", "[" + payment + "]", "ingest", 200)),
                call("accounts", new Call("PUT", "/api/v1/accounts/acc-security", """
                        {"homeCountry":"DE","riskTier":"LOW","dailyLimit":"100.00","currency":"EUR"}""", "admin", 202)),
                call("fx-rates", new Call("PUT", "/api/v1/fx-rates/CHF", "{\"rateToBase\":\"1.05\"}", "admin", 202)),
                call("simulations, list", new Call("GET", "/api/v1/simulations", null, "simulate,admin", 200)),
                // Bad settings: authorised, answered, and no simulation started in the shared context.
                call("simulations, start", new Call("POST", "/api/v1/simulations", "{\"ratePerSecond\":0}", "simulate,admin", 400)),
                call("simulations, status", new Call("GET", "/api/v1/simulations/none", null, "simulate,admin", 404)),
                call("simulations, stop", new Call("DELETE", "/api/v1/simulations/none", null, "simulate,admin", 404)));
    }

    static Stream<Arguments> callsWithKeysLackingTheirRole() {
        return calls().flatMap(arguments -> {
            Call call = (Call) ((Named<?>) arguments.get()[0]).getPayload();
            return KEY_OF_ROLE.entrySet().stream().filter(role -> !call.roles().contains(role.getKey()))
                    .map(role -> Arguments.of(arguments.get()[0], Named.of(role.getKey(), role.getValue())));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void refusesACallWithoutAKey(Call call) {
        HttpResponse<String> answer = send(call.with(anonymous(call.path())));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"paymon\"");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(answer.body())).isEqualTo(json("""
                {"type":"https://paymon.dev/problems/unauthorized","title":"Unauthorized","status":401,
                 "detail":"This call needs a valid API key, sent as X-API-Key: <key> or Authorization: Bearer <key>.",
                 "instance":"%s"}""".formatted(call.pathOnly())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void refusesAnUnknownKeyExactlyAsAMissingOne(Call call) {
        HttpResponse<String> missing = send(call.with(anonymous(call.path())));
        HttpResponse<String> unknown = send(call.with(anonymous(call.path())
                .header(TestApiKeys.HEADER, TestApiKeys.UNKNOWN)));
        HttpResponse<String> unknownBearer = send(call.with(anonymous(call.path())
                .header("Authorization", "Bearer " + TestApiKeys.UNKNOWN)));

        assertThat(List.of(unknown, unknownBearer)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(missing.body());
            assertThat(answer.headers().firstValue("WWW-Authenticate"))
                    .isEqualTo(missing.headers().firstValue("WWW-Authenticate"));
        });
    }

    @ParameterizedTest(name = "{0} with a key of role {1}")
    @MethodSource("callsWithKeysLackingTheirRole")
    void refusesAKeyWithoutTheRole(Call call, String key) {
        HttpResponse<String> answer = send(call.with(anonymous(call.path()).header(TestApiKeys.HEADER, key)));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(json(answer.body())).isEqualTo(json("""
                {"type":"https://paymon.dev/problems/forbidden","title":"Forbidden","status":403,
                 "detail":"The API key does not hold the role this call needs.","instance":"%s"}"""
                .formatted(call.pathOnly())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void answersAKeyWithTheRoleSentEitherWay(Call call) {
        String key = KEY_OF_ROLE.get(call.roles().get(0));

        HttpResponse<String> byHeader = send(call.with(anonymous(call.path()).header(TestApiKeys.HEADER, key)));
        HttpResponse<String> byBearer = send(call.with(anonymous(call.path()).header("Authorization", "Bearer " + key)));

        assertThat(byHeader.statusCode()).as(byHeader.body()).isEqualTo(call.answer());
        assertThat(byBearer.statusCode()).as(byBearer.body()).isEqualTo(call.answer());
    }

    @Test
    void answersAnUnknownApiPathUnauthorizedWithoutAKeyAndNotFoundWithOne() {
        assertThat(send(anonymous("/api/v1/refunds").GET()).statusCode()).isEqualTo(401);
        assertThat(send(anonymous("/api/v1/refunds").header(TestApiKeys.HEADER, TestApiKeys.UNKNOWN).GET())
                .statusCode()).isEqualTo(401);
        assertThat(send(anonymous("/api/v1/refunds").header(TestApiKeys.HEADER, TestApiKeys.READ).GET())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void keepsTheDocsAndUnknownPathsOutsideTheApiPublic() {
        assertThat(send(anonymous("/v3/api-docs").GET()).statusCode()).isEqualTo(200);
        assertThat(send(anonymous("/swagger-ui.html").GET()).statusCode()).isEqualTo(302);
        assertThat(send(anonymous("/nothing-" + UUID.randomUUID()).GET()).statusCode()).isEqualTo(404);
    }

    private static Arguments call(String name, Call call) {
        return Arguments.of(Named.of(name, call));
    }
}
