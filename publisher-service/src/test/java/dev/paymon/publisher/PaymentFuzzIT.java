package dev.paymon.publisher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.publisher.PaymentFuzzer.Expect;
import dev.paymon.publisher.PaymentFuzzer.FuzzCase;
import dev.paymon.testing.BadRequests;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Random payment requests ({@link PaymentFuzzer}) against the running service on the real broker, reproducible from a
 * seed: every answer is a 202 with the payment's id, or a 400 problem detail, as the case expects, never a 5xx; the
 * service is healthy afterwards. The seed and number of cases are {@value #DEFAULT_SEED} and {@value #DEFAULT_CASES}
 * unless {@code -Dpaymon.fuzz.seed=...} and {@code -Dpaymon.fuzz.cases=...} say otherwise; a failure names the seed
 * and the cases that failed.
 */
class PaymentFuzzIT extends PublisherIntegrationTest {

    static final long DEFAULT_SEED = 20_260_407L;
    static final int DEFAULT_CASES = 500;
    private static final int FAILURES_SHOWN = 10;

    @Test
    void answersEveryRandomPaymentWithAcceptanceOrAProblemDetailAndStaysHealthy() {
        long seed = Long.getLong("paymon.fuzz.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("paymon.fuzz.cases", DEFAULT_CASES);
        PaymentFuzzer fuzzer = new PaymentFuzzer(seed);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();

        for (int number = 0; number < cases; number++) {
            FuzzCase fuzz = fuzzer.next(number);
            HttpResponse<String> answer = post("/api/v1/payments", JSON, BodyPublishers.ofByteArray(fuzz.body()));
            outcomes.merge(fuzz.expect() + " -> " + answer.statusCode(), 1, Integer::sum);
            String failure = check(fuzz, answer);
            if (failure != null) {
                failures.add("case " + number + " " + fuzz.mutations() + ": " + failure + "\n    body: "
                        + fuzz.bodyText() + "\n    answer: " + answer.statusCode() + " " + answer.body());
            }
        }
        System.out.printf("Payment fuzz, seed %d, %d cases: %s%n", seed, cases, outcomes);

        assertThat(failures).as("%d of %d cases failed with seed %d (rerun: ./mvnw -pl publisher-service -am verify "
                        + "-Dtest=none -Dit.test=PaymentFuzzIT -Dsurefire.failIfNoSpecifiedTests=false "
                        + "-Dfailsafe.failIfNoSpecifiedTests=false -Dpaymon.fuzz.seed=%d -Dpaymon.fuzz.cases=%d); "
                        + "the first ones:%n%s", failures.size(), cases, seed, seed, cases,
                String.join("\n", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))))
                .isEmpty();
        assertHealthyAndAccepting();
    }

    /** Why the answer does not fit the case, or {@code null} when it does. */
    private static String check(FuzzCase fuzz, HttpResponse<String> answer) {
        int status = answer.statusCode();
        boolean acceptable = switch (fuzz.expect()) {
            case VALID -> status == 202;
            case INVALID -> status == 400;
            case EITHER -> status == 202 || status == 400;
        };
        if (!acceptable) {
            return "expected " + (fuzz.expect() == Expect.EITHER ? "202 or 400" : fuzz.expect());
        }
        try {
            if (status == 202) {
                JsonNode accepted = json(answer.body());
                return accepted.path("paymentId").asString("").isBlank() || accepted.path("offset").asLong(-1) < 0
                        ? "a 202 without paymentId and offset" : null;
            }
            BadRequests.assertProblem("case " + fuzz.number(), new BadRequests.Answer(status,
                    answer.headers().firstValue("Content-Type").orElse(""), answer.body()), 400,
                    new String(fuzz.body(), UTF_8));
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e.getMessage();
        }
    }

    private void assertHealthyAndAccepting() {
        HttpResponse<String> health = send(anonymous("/actuator/health").GET());
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        String paymentId = "after-fuzz-" + UUID.randomUUID();
        HttpResponse<String> answer = post("/api/v1/payments", JSON,
                PublisherBadRequests.payment("paymentId", "\"" + paymentId + "\""));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(json(answer.body()).get("paymentId").asString()).isEqualTo(paymentId);
    }
}
