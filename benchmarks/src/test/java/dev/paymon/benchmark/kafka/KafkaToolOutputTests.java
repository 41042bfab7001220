package dev.paymon.benchmark.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Against output captured from the 4.1.2 tools. */
class KafkaToolOutputTests {

    static final String PRODUCER = """
            SLF4J(W): No SLF4J providers were found.
            SLF4J(W): Defaulting to no-operation (NOP) logger implementation
            SLF4J(W): See https://www.slf4j.org/codes.html#noProviders for further details.
            22771 records sent, 4456.2 records/sec (0.85 MB/sec), 1620.8 ms avg latency, 2210.0 ms max latency.
            50539 records sent, 10029.6 records/sec (1.91 MB/sec), 3598.5 ms avg latency, 4881.0 ms max latency.
            98276 records sent, 19643.4 records/sec (3.75 MB/sec), 6124.3 ms avg latency, 7093.0 ms max latency.
            300000 records sent, 16897.6 records/sec (3.22 MB/sec), 5043.11 ms avg latency, 7179.00 ms max latency, \
            5384 ms 50th, 6938 ms 95th, 7087 ms 99th, 7172 ms 99.9th.
            """;

    static final String CONSUMER = """
            SLF4J(W): No SLF4J providers were found.
            start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, \
            fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
            2026-11-28 09:35:21:991, 2026-11-28 09:35:31:801, 57.2205, 5.8329, 300000, 30581.0398, 6751, 3059, \
            18.7056, 98071.2651
            """;

    static final String END_TO_END = """
            SLF4J(W): See https://www.slf4j.org/codes.html#noProviders for further details.
            0	237.75881700000002
            1000	4.001214
            Avg latency: 8.5112 ms
            Percentiles: 50th = 4, 99th = 71, 99.9th = 133
            """;

    @Test
    void readsTheProducersTotalNotItsProgressLines() {
        assertThat(KafkaToolOutput.producerRecordsPerSecond(PRODUCER)).isEqualTo(16897.6);
    }

    @Test
    void readsTheConsumersFetchRateWhichLeavesOutTheGroupJoin() {
        assertThat(KafkaToolOutput.consumerRecordsPerSecond(CONSUMER)).isEqualTo(98071.2651);
    }

    @Test
    void readsEndToEndPercentiles() {
        assertThat(KafkaToolOutput.endToEndPercentiles(END_TO_END)).containsExactly(4, 71, 133);
    }

    @Test
    void refusesOutputWithoutTheSummary() {
        assertThatThrownBy(() -> KafkaToolOutput.producerRecordsPerSecond("Exception in thread main"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ProducerPerformance summary");
        assertThatThrownBy(() -> KafkaToolOutput.consumerRecordsPerSecond("WARNING: Exiting before consuming"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaToolOutput.endToEndPercentiles("Avg latency: 8.5 ms"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
