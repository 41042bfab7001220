package dev.paymon.processor.payments;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimeTests {

    private static final long OCCURRED = Instant.parse("2026-11-28T10:15:00.250Z").toEpochMilli();
    private final OccurredAtExtractor extractor = new OccurredAtExtractor(new EventTimeLimit(
            Clock.fixed(Instant.ofEpochMilli(OCCURRED), ZoneOffset.UTC), Duration.ofMinutes(5)));

    @Test
    void readsOccurredAtWhereverItIsInTheObject() {
        assertThat(EventTime.of(json("""
                {"nested":{"occurredAt":"1999-01-01T00:00:00Z"},"list":[1,{"a":2}],"occurredAt":"2026-11-28T10:15:00.250Z"}""")))
                .isEqualTo(new EventTime(true, OCCURRED, true, null));
    }

    @Test
    void readsEpochSecondsAsTheDecoderDoes() {
        assertThat(EventTime.of(json("{\"occurredAt\":1795860900.25}")).epochMillis()).isEqualTo(OCCURRED);
    }

    @Test
    void tellsAMissingTimeFromUnreadableBytes() {
        assertThat(EventTime.of(json("{\"paymentId\":\"p-1\"}"))).isEqualTo(new EventTime(true, -1, false, "occurredAt: missing"));
        assertThat(EventTime.of(json("{\"occurredAt\":true}")).isMissing()).isTrue();
        assertThat(EventTime.of(json("[\"occurredAt\"]")).isMissing()).isFalse();
        assertThat(EventTime.of(json("{\"occurredAt\"")).isMissing()).isFalse();
        assertThat(EventTime.of(new byte[0]).readable()).isFalse();
    }

    @Test
    void tellsANumberNoInstantHoldsAsAMissingTimeInsteadOfThrowing() {
        for (String number : List.of("1e18", "-1e18", "1e99999999999", "1e-99999999999", "9223372036854775808")) {
            EventTime time = EventTime.of(json("{\"occurredAt\":" + number + "}"));

            assertThat(time.isMissing()).as(number).isTrue();
            assertThat(extractor.extract(record(json("{\"occurredAt\":" + number + "}"), 7L), 3L)).as(number)
                    .isEqualTo(7L);
        }
    }

    @Test
    void extractsTheEventTimeAsTheRecordTimestamp() {
        assertThat(extractor.extract(record(json("{\"occurredAt\":\"2026-11-28T10:15:00.250Z\"}"), 7L), 3L)).isEqualTo(OCCURRED);
    }

    @Test
    void refusesATimeTooFarAheadOfTheClock() {
        EventTimeLimit limit = new EventTimeLimit(Clock.fixed(Instant.parse("2026-11-28T10:10:00.250Z"), ZoneOffset.UTC),
                Duration.ofMinutes(5));

        assertThat(limit.check(EventTime.of(Instant.ofEpochMilli(OCCURRED))).valid()).isTrue();
        assertThat(limit.check(EventTime.of(Instant.ofEpochMilli(OCCURRED + 1)))).isEqualTo(new EventTime(true, -1, false,
                "occurredAt: more than PT5M ahead of the processor's clock, was 2026-11-28T10:15:00.251Z"));
        assertThat(extractor.extract(record(json("{\"occurredAt\":\"2026-11-28T10:20:00.251Z\"}"), 7L), 3L)).isEqualTo(7L);
    }

    @Test
    void fallsBackToTheRecordTimestampThenThePartitionTimeButNeverMinusOne() {
        assertThat(extractor.extract(record(json("not json"), 7L), 3L)).isEqualTo(7L);
        assertThat(extractor.extract(record(json("{}"), -1L), 3L)).isEqualTo(3L);
        assertThat(extractor.extract(record(null, -1L), -1L)).isZero();
    }

    private static ConsumerRecord<Object, Object> record(byte[] value, long timestamp) {
        return new ConsumerRecord<>("payments.initiated.v1", 0, 0L, timestamp,
                TimestampType.CREATE_TIME, 0, 0, "acc-1", value, new RecordHeaders(), Optional.empty());
    }

    private static byte[] json(String text) {
        return text.getBytes(UTF_8);
    }
}
