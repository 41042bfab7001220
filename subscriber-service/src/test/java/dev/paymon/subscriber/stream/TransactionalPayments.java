package dev.paymon.subscriber.stream;

import static dev.paymon.subscriber.TestClients.enriched;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One transactional producer of {@code payments.enriched.v1} for many transactions, as the processor writes them:
 * cheaper than a producer per transaction for tests that write often.
 */
final class TransactionalPayments implements AutoCloseable {

    private final KafkaProducer<String, PaymentEnriched> producer;

    TransactionalPayments() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "subscriber-stream-it-" + UUID.randomUUID());
        producer = new KafkaProducer<>(config, new StringSerializer(),
                Topics.PAYMENTS_ENRICHED.valueSerde("/paymon/processor").serializer());
        producer.initTransactions();
    }

    /** Writes {@code payments} in one committed transaction. */
    void commit(List<PaymentEnriched> payments) {
        producer.beginTransaction();
        payments.forEach(payment -> producer.send(enriched(payment)));
        producer.commitTransaction();
    }

    @Override
    public void close() {
        producer.close();
    }
}
