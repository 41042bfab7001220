package dev.paymon.subscriber;

import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The local default, as the launcher runs it: no datasource settings, only {@code paymon.data-dir},
 * so payments land in an embedded H2 file database under that folder. The context is closed after
 * this class, so its consumer group stops reading the shared topic.
 */
class LocalDefaultsIT extends SubscriberIntegrationTest {

    @TempDir
    static Path dataDir;

    @LocalManagementPort
    int managementPort;

    @BeforeAll
    static void topics() {
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("paymon.data-dir", () -> dataDir.toString());
    }

    @Test
    void storesPaymentsInAnEmbeddedH2FileDatabaseUnderTheDataDir() {
        PaymentEnriched event = payment("pay-" + UUID.randomUUID(), "acc-local", "8.10", "EUR", "8.10", List.of());

        inTransaction(true, producer -> producer.send(enriched(event)));

        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/payments/" + event.payment().paymentId()).status() == 200);
        assertThat(http.get("/api/v1/payments/" + event.payment().paymentId()).body().get("amount").asString())
                .isEqualTo("8.10");
        assertThat(dataDir.resolve("subscriber").resolve("paymon.mv.db")).satisfies(file ->
                assertThat(Files.size(file)).isPositive());
        assertThat(Http.anonymous(managementPort).get("/actuator/health").body().at("/components/db/details/database").asString())
                .isEqualTo("H2");
    }
}
