package dev.paymon.publisher.kafka;

import dev.paymon.events.Event;
import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.publisher.PublisherProperties;
import dev.paymon.support.health.KafkaHealthIndicator;
import dev.paymon.support.health.KafkaHealthProperties;
import dev.paymon.support.kafka.TopicCreator;
import dev.paymon.support.kafka.TopicProperties;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Kafka wiring: the topics this service writes (created at start-up when missing, else by {@link TopicCreator}
 * once a broker is there; until then sends fail and are answered with 503) and a bounded, idempotent producer
 * for them. Boot's auto-configured producer factory and template are kept and customized, so Boot's Kafka
 * properties and producer metrics still apply. On shutdown the factory closes the producer last (after the web
 * server has finished its requests), which sends what it still holds and waits for the acknowledgements. Health
 * {@code kafka} (readiness) is UP while the cluster answers and has these topics: without them the service could
 * only answer 503.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TopicProperties.class, KafkaHealthProperties.class})
@Import(TopicCreator.class)
class KafkaConfiguration {

    static final List<Topic<? extends Event>> WRITTEN =
            List.of(Topics.PAYMENTS_INITIATED, Topics.ACCOUNTS_REFERENCE, Topics.FX_RATES_REFERENCE);

    @Bean
    KafkaAdmin.NewTopics publisherTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(WRITTEN.stream()
                .map(topic -> topic.toNewTopic(topics.partitions(), topics.replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, KafkaHealthProperties health) {
        return new KafkaHealthIndicator(admin, "paymon-publisher-health", WRITTEN.stream().map(Topic::name).toList(),
                health);
    }

    /** Failed sends are logged with topic and key, but without the payment itself (personal data). */
    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaProducerFactoryCustomizer boundedEventProducer(PublisherProperties publisher) {
        return factory -> {
            factory.updateConfigs(ProducerSettings.bounded(factory.getConfigurationProperties(),
                    publisher.sendTimeout()));
            DefaultKafkaProducerFactory<String, Event> events = (DefaultKafkaProducerFactory<String, Event>) factory;
            events.setKeySerializer(new StringSerializer());
            events.setValueSerializer(new EventValueSerializer(WRITTEN));
            events.setPhysicalCloseTimeout(ProducerSettings.closeTimeoutSeconds(publisher.sendTimeout()));
        };
    }
}
