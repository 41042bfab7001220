package dev.paymon.subscriber.rebuild;

import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.subscriber.Http;
import dev.paymon.subscriber.SubscriberApplication;
import dev.paymon.testing.TestApiKeys;
import dev.paymon.testing.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code paymon.subscriber.rebuild.on-start=true}: a subscriber started again on its database with the flag
 * rebuilds every projection from Kafka and then answers as before.
 */
class RebuildOnStartIT {

    @TempDir
    Path dataDir;

    @Test
    void rebuildsTheProjectionsWhenStartedWithTheFlag() {
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED);
        String group = "paymon-subscriber-rebuild-on-start-" + UUID.randomUUID();
        PaymentEnriched event = payment("pay-" + UUID.randomUUID(), "acc-" + UUID.randomUUID(), "8.10", "EUR",
                "8.10", List.of());
        inTransaction(true, producer -> producer.send(enriched(event)));
        String path = "/api/v1/payments/" + event.payment().paymentId();

        JsonNode before;
        try (ConfigurableApplicationContext first = start(group, false)) {
            Http http = http(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get(path).status() == 200);
            before = http.get(path).body();
            assertThat(http.get("/api/v1/admin/rebuild").body().get("startedAt").isNull()).isTrue();
        }

        try (ConfigurableApplicationContext second = start(group, true)) {
            Http http = http(second);
            JsonNode status = http.get("/api/v1/admin/rebuild").body();
            assertThat(status.get("startedAt").isNull()).isFalse();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/api/v1/admin/rebuild").body().get("complete").asBoolean());
            assertThat(http.get(path).body()).isEqualTo(before);
        }
    }

    private ConfigurableApplicationContext start(String group, boolean rebuildOnStart) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + group,
                "--paymon.data-dir=" + dataDir,
                "--paymon.topics.partitions=1",
                "--paymon.subscriber.rebuild.on-start=" + rebuildOnStart));
        arguments.addAll(TestApiKeys.arguments());
        return new SpringApplicationBuilder(SubscriberApplication.class).run(arguments.toArray(String[]::new));
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
