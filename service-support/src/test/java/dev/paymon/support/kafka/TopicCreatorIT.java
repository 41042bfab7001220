package dev.paymon.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A service that started while no broker was reachable gets its topics once one is, without a restart.
 * The admin's bootstrap address is switched from a closed port to the real broker while the service runs.
 */
class TopicCreatorIT {

    static final Topic<?> TOPIC = Topics.SUBSCRIBER_DLQ;

    @Test
    void createsTheTopicsOnceABrokerIsReachable() throws Exception {
        String broker = TestKafka.bootstrapServers();
        AtomicReference<String> bootstrapServers = new AtomicReference<>("127.0.0.1:" + closedPort());
        KafkaAdmin admin = admin(bootstrapServers::get);

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(Service.class)
                .web(WebApplicationType.NONE)
                .properties("paymon.topics.creation-retry=200ms")
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(KafkaAdmin.class, () -> admin))
                .run();
             Admin client = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker))) {
            assertThat(topicNames(client)).doesNotContain(TOPIC.name());

            bootstrapServers.set(broker);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(topicNames(client)).contains(TOPIC.name()));
        }
    }

    /** A service's topic wiring: its topics, the shared properties and the creator, as the services declare them. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TopicProperties.class)
    @Import(TopicCreator.class)
    static class Service {

        @Bean
        NewTopic topic() {
            return TOPIC.toNewTopic(1, (short) 1);
        }
    }

    /** Gives up quickly, as the services' admins do, so start-up is not held back without a broker. */
    private static KafkaAdmin admin(Supplier<String> bootstrapServers) {
        KafkaAdmin admin = new KafkaAdmin(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000));
        admin.setBootstrapServersSupplier(bootstrapServers);
        admin.setOperationTimeout(1);
        admin.setCloseTimeout(1);
        return admin;
    }

    private static Set<String> topicNames(Admin client)
            throws InterruptedException, ExecutionException, TimeoutException {
        return client.listTopics().names().get(10, TimeUnit.SECONDS);
    }

    /** A port nothing listens on: bound to find a free one, then closed again. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
