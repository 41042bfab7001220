package dev.paymon.subscriber.projection;

import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listener container factories of the four input topics, one bean each, named by the constants that
 * {@code @KafkaListener(containerFactory = ...)} uses. Each has Boot's consumer settings
 * ({@code spring.kafka.consumer.*}: group, {@code read_committed}, offset reset) and listener settings,
 * the topic's event deserializer wrapped in an {@link ErrorHandlingDeserializer} so that bad bytes
 * reach the listener instead of failing the poll, and the shared error handler.
 *
 * <p>Listeners receive batches (at most {@code spring.kafka.consumer.max-poll-records} records) and
 * keep their offsets in the database with their rows ({@link ConsumerOffsetRepository}); on assignment
 * the consumer seeks to those stored offsets. Offsets committed to Kafka serve lag monitoring only, and reach
 * the end of a partition also when it ends with a transaction marker ({@code fixTxOffsets}).
 */
@Configuration(proxyBeanMethods = false)
public class ListenerContainerFactories {

    /** {@code payments.enriched.v1}: values decoded as {@code PaymentEnriched}. */
    public static final String PAYMENTS = "paymentsListenerFactory";
    /** {@code fraud.alerts.v1}: values decoded as {@code AlertRaised}. */
    public static final String ALERTS = "alertsListenerFactory";
    /** {@code accounts.activity.v1}: values decoded as {@code AccountActivity}. */
    public static final String ACTIVITY = "activityListenerFactory";
    /**
     * {@code payments.dlq.v1}: values as the raw bytes they are; what a dead letter says is in its headers, which
     * its projection reads.
     */
    public static final String DEAD_LETTERS = "deadLettersListenerFactory";

    /** The CloudEvents source of this process; readers ignore it, but the serde asks for one. */
    private static final String SOURCE = "/paymon/subscriber";

    private final ConsumerFactory<?, ?> bootConsumers;
    private final ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers;
    private final ConcurrentKafkaListenerContainerFactoryConfigurer configurer;
    private final ConsumerOffsetRepository offsets;
    private final ConsumerPositions positions;

    ListenerContainerFactories(ConsumerFactory<?, ?> bootConsumers,
                           ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers,
                           ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
                           ConsumerOffsetRepository offsets, ConsumerPositions positions) {
        this.bootConsumers = bootConsumers;
        this.customizers = customizers;
        this.configurer = configurer;
        this.offsets = offsets;
        this.positions = positions;
    }

    @Bean(PAYMENTS)
    ConcurrentKafkaListenerContainerFactory<Object, Object> paymentsListenerFactory() {
        return forTopic(Topics.PAYMENTS_ENRICHED);
    }

    @Bean(ALERTS)
    ConcurrentKafkaListenerContainerFactory<Object, Object> alertsListenerFactory() {
        return forTopic(Topics.FRAUD_ALERTS);
    }

    @Bean(ACTIVITY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> activityListenerFactory() {
        return forTopic(Topics.ACCOUNTS_ACTIVITY);
    }

    @Bean(DEAD_LETTERS)
    ConcurrentKafkaListenerContainerFactory<Object, Object> deadLettersListenerFactory() {
        return forTopic(Topics.PAYMENTS_DLQ);
    }

    /**
     * A container factory whose batch listeners receive the topic's records; a record whose bytes did not
     * decode has a {@code null} value and the deserializer's exception in a header, a tombstone just the
     * {@code null} value.
     */
    private <V> ConcurrentKafkaListenerContainerFactory<Object, Object> forTopic(Topic<V> topic) {
        Deserializer<V> values = new ErrorHandlingDeserializer<>(topic.valueSerde(SOURCE).deserializer());
        DefaultKafkaConsumerFactory<String, V> consumers = new DefaultKafkaConsumerFactory<>(
                bootConsumers.getConfigurationProperties(), new StringDeserializer(), values);
        // Boot's customizers register the consumer metrics (lag, fetch rate) with Micrometer.
        customizers.orderedStream().forEach(customizer -> customizer.customize(consumers));
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, erased(consumers));
        factory.setBatchListener(true);
        // The Projector observes each record (timer spring.kafka.listener with the observation's tags, and a span);
        // the container's own batch timer of the same name, with other tags, would collide with it in Prometheus.
        factory.getContainerProperties().setMicrometerEnabled(false);
        factory.getContainerProperties().setConsumerRebalanceListener(new SeekToStoredOffsets(offsets, positions));
        // The processor writes in transactions: after its last record a partition ends with a commit marker, which
        // the consumer passes but the offset committed after that record (its offset + 1) does not, so the group's
        // lag as operators' tools read it (committed vs. end) would stay at 1 for ever. The container commits the
        // position past the marker once it reaches the end of the partition.
        factory.getContainerProperties().setFixTxOffsets(true);
        return factory;
    }

    @SuppressWarnings("unchecked") // Boot's configurer is declared for <Object, Object> factories
    private static ConsumerFactory<Object, Object> erased(ConsumerFactory<?, ?> consumers) {
        return (ConsumerFactory<Object, Object>) consumers;
    }
}
