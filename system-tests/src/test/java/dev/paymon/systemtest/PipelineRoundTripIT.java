package dev.paymon.systemtest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.CloudEvents;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.Topics;
import dev.paymon.launcher.LocalStack;
import dev.paymon.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real jars end to end: publisher → Kafka → processor → Kafka → subscriber → PostgreSQL,
 * read back over HTTP.
 */
class PipelineRoundTripIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);

    private static TestPostgres.Database database;
    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        database = TestPostgres.newSchema();
        stack = SystemStack.start("round-trip", database);
        putFxRate("USD", "0.90");
        awaitRateKnownToProcessor("USD");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void paymentPostedToPublisherIsReadableAtSubscriberWithAmountConvertedToBase() {
        String account = "acc-" + UUID.randomUUID();
        Http.Answer accepted = postPayment(payment(null, account, "100.00", "USD"));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().get("topic").asString()).isEqualTo(Topics.PAYMENTS_INITIATED.name());
        assertThat(accepted.body().get("offset").asLong()).isNotNegative();
        String paymentId = accepted.body().get("paymentId").asString();

        JsonNode stored = awaitPayment(paymentId);
        assertThat(stored.get("paymentId").asString()).isEqualTo(paymentId);
        assertThat(stored.get("accountId").asString()).isEqualTo(account);
        assertThat(stored.get("amount").asString()).isEqualTo("100.00");
        assertThat(stored.get("currency").asString()).isEqualTo("USD");
        assertThat(stored.get("amountBase").asString()).isEqualTo("90.00");
        assertThat(stored.get("baseCurrency").asString()).isEqualTo("EUR");
        assertThat(stored.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(stored.get("alertIds").isArray()).isTrue();
        assertThat(stored.get("occurredAt").asString()).isNotBlank();
        assertThat(stored.get("processedAt").asString()).isNotBlank();
    }

    @Test
    void paymentSentTwiceWithTheSamePaymentIdIsStoredOnce() throws SQLException {
        String account = "acc-" + UUID.randomUUID();
        String paymentId = "dup-" + UUID.randomUUID();
        assertThat(postPayment(payment(paymentId, account, "10.00", "EUR")).status()).isEqualTo(202);
        assertThat(postPayment(payment(paymentId, account, "10.00", "EUR")).status()).isEqualTo(202);
        // Same account, same partition, kept in order: once the later marker is stored, both copies were consumed.
        String marker = postPayment(payment(null, account, "1.00", "EUR")).body().get("paymentId").asString();
        awaitPayment(marker);

        assertThat(Http.get(stack.subscriber().url() + "/api/v1/payments/" + paymentId).status()).isEqualTo(200);
        assertThat(storedRows(paymentId)).isEqualTo(1);
    }

    @Test
    void invalidRecordsWrittenStraightToTheInputTopicLandInTheDeadLetterTopicWhileValidOnesFlow() {
        String account = "acc-" + UUID.randomUUID();
        String bootstrap = stack.broker().bootstrapServers();
        KafkaClients.sendRaw(bootstrap, Topics.PAYMENTS_INITIATED.name(), account, "{not json".getBytes(UTF_8));
        byte[] negativeAmount = payment("neg-" + UUID.randomUUID(), account, "-5.00", "EUR")
                .replace("}", ",\"occurredAt\":\"2026-01-01T00:00:00Z\"}").getBytes(UTF_8);
        KafkaClients.sendRaw(bootstrap, Topics.PAYMENTS_INITIATED.name(), account, negativeAmount);
        String after = postPayment(payment(null, account, "3.00", "EUR")).body().get("paymentId").asString();

        awaitPayment(after);
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(PIPELINE).until(
                () -> KafkaClients.readAll(bootstrap, Topics.PAYMENTS_DLQ.name()).stream()
                        .filter(r -> account.equals(r.key())).toList(),
                records -> records.size() == 2);

        assertThat(deadLetters).extracting(r -> DeadLetter.readFrom(r.headers()).reason())
                .containsExactly(DeadLetterReason.UNDECODABLE, DeadLetterReason.INVALID_EVENT);
        assertThat(deadLetters).allSatisfy(r -> {
            DeadLetter letter = DeadLetter.readFrom(r.headers());
            assertThat(letter.sourceTopic()).isEqualTo(Topics.PAYMENTS_INITIATED.name());
            assertThat(letter.sourceOffset()).isNotNegative();
            assertThat(letter.detail()).isNotBlank();
        });
        assertThat(deadLetters.get(0).value()).isEqualTo("{not json".getBytes(UTF_8));
        assertThat(deadLetters.get(1).value()).isEqualTo(negativeAmount);
        assertThat(new String(deadLetters.get(1).value(), UTF_8)).contains("-5.00");
        assertThat(CloudEvents.text(deadLetters.get(1).headers(), HeaderNames.DLQ_DETAIL)).contains("amount");
    }

    @Test
    void callsWithoutAKnownKeyAreRefusedWithProblemDetailsWhileHealthStaysOpenWithoutDetails() {
        String payment = payment(null, "acc-" + UUID.randomUUID(), "1.00", "EUR");
        for (Http.Client caller : List.of(Http.anonymous(), Http.as(SystemStack.API_KEY + "x"))) {
            assertRefused(caller.post(stack.publisher().url() + "/api/v1/payments", payment));
            assertRefused(caller.put(stack.publisher().url() + "/api/v1/fx-rates/USD", "{\"rateToBase\":\"2.00\"}"));
            assertRefused(caller.get(stack.subscriber().url() + "/api/v1/stats"));
            assertRefused(caller.post(stack.subscriber().url() + "/api/v1/admin/rebuild", ""));
        }
        for (var service : stack.services()) {
            Http.Answer health = Http.anonymous().get(service.url() + "/actuator/health");
            assertThat(health.status()).as(service.name()).isEqualTo(200);
            assertThat(health.body().propertyNames()).as(service.name() + " health, anonymously")
                    .containsExactly("status");
            assertThat(health.body().get("status").asString()).isEqualTo("UP");
        }
    }

    private static void assertRefused(Http.Answer answer) {
        String call = answer.raw().request().method() + " " + answer.raw().uri();
        assertThat(answer.status()).as(call + " answered " + answer.raw().body()).isEqualTo(401);
        assertThat(answer.contentType()).as(call).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).as(call).isEqualTo(401);
        assertThat(answer.body().has("title")).as(call + " title").isTrue();
        assertThat(answer.body().has("type")).as(call + " type").isTrue();
    }

    static String payment(String paymentId, String account, String amount, String currency) {
        return """
                {%s"accountId":"%s","amount":"%s","currency":"%s","merchantId":"m-1","merchantCategory":"5411",\
                "country":"DE","channel":"ECOMMERCE"}"""
                .formatted(paymentId == null ? "" : "\"paymentId\":\"" + paymentId + "\",", account, amount, currency);
    }

    private static Http.Answer postPayment(String json) {
        return Http.post(stack.publisher().url() + "/api/v1/payments", json);
    }

    private static void putFxRate(String currency, String rate) {
        Http.Answer answer = Http.put(stack.publisher().url() + "/api/v1/fx-rates/" + currency,
                "{\"rateToBase\":\"" + rate + "\"}");
        assertThat(answer.status()).isEqualTo(202);
    }

    /**
     * Reference data reaches the processor asynchronously; a payment racing ahead of its rate is
     * dead-lettered (UNKNOWN_FX_RATE). Probe with throwaway payments until one is enriched.
     */
    private static void awaitRateKnownToProcessor(String currency) {
        await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            String probe = postPayment(payment(null, "probe-" + currency, "1.00", currency))
                    .body().get("paymentId").asString();
            return await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> probeOutcome(probe), outcome -> outcome != 0) > 0;
        });
    }

    /** 1 when the probe was stored, -1 when it was dead-lettered, 0 while unknown. */
    private static int probeOutcome(String paymentId) {
        if (Http.get(stack.subscriber().url() + "/api/v1/payments/" + paymentId).status() == 200) {
            return 1;
        }
        boolean deadLettered = KafkaClients.readAll(stack.broker().bootstrapServers(), Topics.PAYMENTS_DLQ.name())
                .stream().anyMatch(r -> new String(r.value(), UTF_8).contains(paymentId));
        return deadLettered ? -1 : 0;
    }

    private static JsonNode awaitPayment(String paymentId) {
        return await().atMost(PIPELINE).until(
                () -> Http.get(stack.subscriber().url() + "/api/v1/payments/" + paymentId),
                answer -> answer.status() == 200).body();
    }

    private static int storedRows(String paymentId) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM payments WHERE payment_id = ?")) {
            s.setString(1, paymentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
