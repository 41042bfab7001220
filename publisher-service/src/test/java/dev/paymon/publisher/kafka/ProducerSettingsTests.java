package dev.paymon.publisher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ProducerSettingsTests {

    @Test
    void boundsEveryProducerWaitBySendTimeoutAndLingersTwoMilliseconds() {
        assertThat(ProducerSettings.bounded(Map.of(), Duration.ofSeconds(5))).isEqualTo(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2L,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000L,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4998));
    }

    @Test
    void leavesRoomForAConfiguredLinger() {
        Map<String, Object> settings = ProducerSettings.bounded(Map.of(ProducerConfig.LINGER_MS_CONFIG, "20"),
                Duration.ofSeconds(2));

        assertThat(settings).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20L)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1980);
    }

    @Test
    void producesSettingsKafkaAccepts() {
        Map<String, Object> config = new HashMap<>(ProducerSettings.bounded(Map.of(), Duration.ofMillis(1500)));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);

        ProducerConfig accepted = new ProducerConfig(config);

        assertThat(accepted.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(1500);
        assertThat(accepted.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(1500L);
    }

    @Test
    void closesWithinTheSendTimeoutRoundedUpPlusASecond() {
        assertThat(ProducerSettings.closeTimeoutSeconds(Duration.ofSeconds(5))).isEqualTo(6);
        assertThat(ProducerSettings.closeTimeoutSeconds(Duration.ofMillis(1500))).isEqualTo(3);
    }

    @Test
    void refusesALingerAsLongAsTheSendTimeout() {
        assertThatThrownBy(() -> ProducerSettings.bounded(Map.of(ProducerConfig.LINGER_MS_CONFIG, 1000),
                Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linger.ms (1000) must be below the send timeout (1000 ms)");
    }
}
