package dev.paymon.publisher.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.publisher.PublisherIntegrationTest;
import dev.paymon.publisher.TopicRecords;
import dev.paymon.publisher.simulation.SimulationSettings.FraudShare;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulator on the real broker: what it publishes, and its HTTP contract. */
class SimulationIT extends PublisherIntegrationTest {

    static final String SIMULATIONS = "/api/v1/simulations";

    final long seed = ThreadLocalRandom.current().nextLong(1_000_000_000_000L);

    @AfterEach
    void stopEverySimulation() {
        json(get(SIMULATIONS).body()).forEach(simulation -> {
            if (simulation.get("state").asString().equals("RUNNING")) {
                delete(SIMULATIONS + "/" + simulation.get("id").asString());
            }
        });
    }

    @Test
    void publishesProfilesRatesAndTheSeedsPaymentsThenCompletesAtMaxPayments() {
        Instant before = Instant.now();
        double acknowledgedBefore = simulatedPayments();

        HttpResponse<String> started = post(SIMULATIONS, JSON, """
                {"ratePerSecond":1000,"accounts":20,"currencies":["EUR","USD","JPY"],
                 "fraudShare":{"largeAmount":0.05,"burst":0.1,"countryHop":0.05},"seed":%d,"maxPayments":200}"""
                .formatted(seed));

        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode status = json(started.body());
        String id = status.get("id").asString();
        assertThat(started.headers().firstValue("Location")).hasValue(
                "http://localhost:" + port + SIMULATIONS + "/" + id);
        assertThat(status.get("state").asString()).isEqualTo("RUNNING");
        assertThat(status.get("settings")).isEqualTo(json("""
                {"ratePerSecond":1000.0,"accounts":20,"currencies":["EUR","USD","JPY"],
                 "fraudShare":{"largeAmount":0.05,"burst":0.1,"countryHop":0.05},"seed":%d,
                 "durationSeconds":null,"maxPayments":200}""".formatted(seed)));

        JsonNode completed = await().atMost(Duration.ofSeconds(30))
                .until(() -> json(get(SIMULATIONS + "/" + id).body()),
                        simulation -> simulation.get("state").asString().equals("COMPLETED"));
        assertThat(completed.get("sent").asLong()).isEqualTo(200);
        assertThat(completed.get("failed").asLong()).isZero();
        assertThat(completed.get("lastError").isNull()).isTrue();
        assertThat(Instant.parse(completed.get("stoppedAt").asString())).isAfterOrEqualTo(
                Instant.parse(completed.get("startedAt").asString()));
        assertThat(simulatedPayments()).isEqualTo(acknowledgedBefore + 200);

        SimulationSettings settings = new SimulationSettings(1000, 20, List.of("EUR", "USD", "JPY"),
                new FraudShare(0.05, 0.1, 0.05), seed, null, 200L);
        PaymentGenerator expected = new PaymentGenerator(settings);
        List<PaymentGroup> groups = firstGroups(expected, 200);
        assertThat(completed.get("byPattern")).isEqualTo(json("""
                {"normal":%d,"largeAmount":%d,"burst":%d,"countryHop":%d}""".formatted(
                count(groups, Pattern.NORMAL), count(groups, Pattern.LARGE_AMOUNT), count(groups, Pattern.BURST),
                count(groups, Pattern.COUNTRY_HOP))));

        List<AccountProfileUpdated> profiles = records(Topics.ACCOUNTS_REFERENCE, "sim-" + seed + "-");
        assertThat(profiles).map(profile -> new SimulatedAccount(profile.accountId(), profile.homeCountry(),
                profile.riskTier(), profile.dailyLimit(), profile.currency()))
                .containsExactlyInAnyOrderElementsOf(expected.accounts());

        List<FxRateUpdated> rates = records(Topics.FX_RATES_REFERENCE, "").stream()
                .filter(rate -> !rate.updatedAt().isBefore(before)).toList();
        assertThat(rates).map(rate -> rate.currency() + "=" + rate.rateToBase() + " " + rate.baseCurrency())
                .contains("USD=0.92 EUR", "JPY=0.0061 EUR").doesNotContain("EUR=1 EUR");

        List<PaymentInitiated> payments = records(Topics.PAYMENTS_INITIATED, "sim-" + seed + "-");
        assertThat(payments).extracting(PaymentInitiated::paymentId).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 200).mapToObj(n -> "sim-" + seed + "-p" + n).toList());
        assertThat(payments).map(SimulationIT::withoutTime).containsExactlyInAnyOrderElementsOf(groups.stream()
                .flatMap(group -> group.payments().stream()).map(SimulationIT::withoutTime).toList());
        assertThat(payments).allSatisfy(payment -> assertThat(payment.occurredAt())
                .isBetween(before.minusSeconds(PaymentGenerator.MAX_HOP_GAP_SECONDS), Instant.now()));
    }

    @Test
    void deleteStopsARunningSimulationOnceAndForAll() {
        String id = json(post(SIMULATIONS, JSON, """
                {"ratePerSecond":20,"accounts":300,"seed":%d}""".formatted(seed)).body()).get("id").asString();
        await().atMost(Duration.ofSeconds(15)).until(() -> json(get(SIMULATIONS + "/" + id).body())
                .get("sent").asLong() > 0);

        HttpResponse<String> stopped = delete(SIMULATIONS + "/" + id);

        assertThat(stopped.statusCode()).isEqualTo(200);
        JsonNode status = json(stopped.body());
        assertThat(status.get("state").asString()).isEqualTo("STOPPED");
        assertThat(status.get("stoppedAt").isNull()).isFalse();
        // Nothing is sent after the answer: the status stays as it was, and so does the topic.
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> json(get(SIMULATIONS + "/" + id).body()), status::equals);
        assertThat(records(Topics.PAYMENTS_INITIATED, "sim-" + seed + "-")).hasSize(status.get("sent").asInt());
        HttpResponse<String> again = delete(SIMULATIONS + "/" + id);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body())).isEqualTo(status);
        assertThat(json(get(SIMULATIONS).body()).get(0)).isEqualTo(status);
    }

    @Test
    void startsWithDefaultsWithoutABody() {
        HttpResponse<String> started = postWithoutBody(SIMULATIONS);

        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode settings = json(started.body()).get("settings");
        assertThat(settings.get("ratePerSecond").asDouble()).isEqualTo(20);
        assertThat(settings.get("accounts").asInt()).isEqualTo(1000);
        assertThat(settings.get("fraudShare")).isEqualTo(json("""
                {"largeAmount":0.02,"burst":0.02,"countryHop":0.02}"""));
        assertThat(settings.get("seed").isIntegralNumber()).isTrue();
    }

    @Test
    void refusesToRunMoreThanTheConfiguredNumberAtOnce() {
        String slow = "{\"ratePerSecond\":0.1,\"accounts\":10,\"seed\":%d}";
        assertThat(post(SIMULATIONS, JSON, slow.formatted(seed)).statusCode()).isEqualTo(201);
        assertThat(post(SIMULATIONS, JSON, slow.formatted(seed + 1)).statusCode()).isEqualTo(201);

        HttpResponse<String> third = post(SIMULATIONS, JSON, slow.formatted(seed + 2));

        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(third.body())).isEqualTo(json("""
                {"type":"https://paymon.dev/problems/too-many-simulations","title":"Too many simulations",
                 "status":409,"instance":"/api/v1/simulations",
                 "detail":"2 simulations are running (paymon.publisher.simulation.max-running); stop one first"}"""));
    }

    @Test
    void answersUnknownSimulationWith404Problem() {
        for (HttpResponse<String> answer : List.of(get(SIMULATIONS + "/nope"), delete(SIMULATIONS + "/nope"))) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(answer.body()).get("type").asString()).isEqualTo("https://paymon.dev/problems/not-found");
            assertThat(json(answer.body()).get("title").asString()).isEqualTo("Simulation not found");
        }
    }

    @Test
    void rejectsInvalidSettingsWith400ProblemListingEveryField() {
        HttpResponse<String> answer = post(SIMULATIONS, JSON, """
                {"ratePerSecond":1001,"accounts":0,"currencies":["EUR","EURO"],
                 "fraudShare":{"burst":0.6,"countryHop":0.6}}""");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(answer.body())).isEqualTo(json("""
                {"type":"https://paymon.dev/problems/validation","title":"Invalid request","status":400,
                 "instance":"/api/v1/simulations",
                 "detail":"4 fields are invalid: ratePerSecond, accounts, currencies[1], fraudShare",
                 "errors":[
                  {"field":"ratePerSecond","message":"must be between 0.1 and 1000, was 1001"},
                  {"field":"accounts","message":"must be between 1 and 100000, was 0"},
                  {"field":"currencies[1]","message":"must be an ISO 4217 currency code"},
                  {"field":"fraudShare","message":"the shares must add up to at most 1, were 1.22"}]}"""));
        assertThat(post(SIMULATIONS, JSON, "{\"accounts\":").statusCode()).isEqualTo(400);
        List<String> states = new ArrayList<>();
        json(get(SIMULATIONS).body()).forEach(simulation -> states.add(simulation.get("state").asString()));
        assertThat(states).doesNotContain("RUNNING");
    }

    /** What the generator makes of the same settings: the groups of the first {@code count} payments. */
    static List<PaymentGroup> firstGroups(PaymentGenerator generator, int count) {
        List<PaymentGroup> groups = new ArrayList<>();
        for (int payments = 0; payments < count; ) {
            PaymentGroup group = generator.next(Instant.now()).first(count - payments);
            groups.add(group);
            payments += group.payments().size();
        }
        return groups;
    }

    static long count(List<PaymentGroup> groups, Pattern pattern) {
        return groups.stream().filter(group -> group.pattern() == pattern).mapToLong(g -> g.payments().size()).sum();
    }

    static PaymentInitiated withoutTime(PaymentInitiated payment) {
        return new PaymentInitiated(payment.paymentId(), payment.accountId(), payment.amount(), payment.currency(),
                payment.merchantId(), payment.merchantCategory(), payment.country(), payment.channel(), Instant.EPOCH);
    }

    static <V> List<V> records(Topic<V> topic, String keyPrefix) {
        return TopicRecords.all(topic.name()).stream()
                .filter(record -> record.key().startsWith(keyPrefix))
                .map(record -> topic.valueSerde("/test").deserializer()
                        .deserialize(record.topic(), record.headers(), record.value()))
                .toList();
    }

    private double simulatedPayments() {
        JsonNode metric = json(management("/actuator/metrics/paymon.publisher.simulated.payments").body());
        return metric.has("measurements") ? metric.get("measurements").get(0).get("value").asDouble() : 0;
    }
}
