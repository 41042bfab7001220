package dev.paymon.subscriber;

import dev.paymon.testing.TestApiKeys;
import dev.paymon.testing.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port against the real test broker ({@link TestKafka}), which every integration test
 * class of the running service extends. The service knows the {@link TestApiKeys}, creates its topics with one
 * partition (records sent later are consumed later), retries a failed record every 100 ms, and consumes in a group of
 * its own, so that it reads every record whatever other contexts ran before. Each class gets a context of its own:
 * it points the service at its own database ({@link SubscriberDatabase}) and may override any of these properties
 * with its own {@code @DynamicPropertySource} (which takes precedence over them; a second
 * {@code @DynamicPropertySource} here would not).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "paymon.topics.partitions=1",
        "paymon.subscriber.retry.processing.interval=100ms",
        // Bound once, into Boot's Kafka properties; a class that names its group sets it in its own properties.
        "spring.kafka.consumer.group-id=paymon-subscriber-it-${random.uuid}"})
@DirtiesContext
public abstract class SubscriberIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void brokerAndKeys(DynamicPropertyRegistry registry) {
        TestApiKeys.register(registry);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    }
}
