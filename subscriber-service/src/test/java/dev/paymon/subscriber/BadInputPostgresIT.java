package dev.paymon.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.Topics;
import dev.paymon.testing.BadRequest;
import dev.paymon.testing.BadRequests;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bad-input catalog ({@link SubscriberBadRequests}) against the whole service on the real broker and PostgreSQL,
 * which is stricter than H2 (no NUL in text, a narrower range of timestamps): each request is answered with its 4xx as
 * a problem detail, never a 5xx or a stack trace, and afterwards the service is healthy and answers valid queries.
 * Security refusals (keys, roles) are in {@link HttpSecurityIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputPostgresIT extends SubscriberIntegrationTest {

    private static final String GROUP = "paymon-subscriber-bad-input-" + UUID.randomUUID();

    private static TestPostgres.Database database;

    @BeforeAll
    static void database() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED, Topics.FRAUD_ALERTS, Topics.ACCOUNTS_ACTIVITY,
                Topics.PAYMENTS_DLQ);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        SubscriberDatabase.register(registry, database);
    }

    static List<BadRequest> catalog() {
        return SubscriberBadRequests.all();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void answersWithAProblemDetail(BadRequest request) {
        BadRequests.assertAnsweredWithProblem(port, request);
    }

    @Order(2)
    @Test
    void staysHealthyAndAnswersValidQueriesAfterwards() {
        Http http = new Http(port);

        Http.Answer health = Http.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(http.get("/api/v1/stats").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/alerts?accountId=acc-bad-input&limit=500").body().isArray()).isTrue();
        assertThat(http.get(SubscriberBadRequests.ACCOUNT + "/activity?from=2026-01-01T00:00:00Z").status())
                .isEqualTo(200);
    }
}
