package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.accepted;
import static dev.paymon.processor.payments.TopologyFixture.at;
import static dev.paymon.processor.payments.TopologyFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tumbling windows of 60 s with 30 s grace; the driver's wall clock stands at 10:15:30 until a test moves it. */
class WindowTopologyTests {

    @TempDir
    Path stateDir;

    private TopologyFixture fixture;

    @BeforeEach
    void startDriver() {
        fixture = new TopologyFixture(stateDir);
    }

    @AfterEach
    void closeDriver() {
        fixture.close();
    }

    @Test
    void emitsOneFinalResultPerAccountWindowOnceEventTimePassesItsEndPlusGrace() {
        fixture.send(payment("p-1", "acc-2", "5.00", at("10:15:20")));
        fixture.send(payment("p-2", "acc-1", "10.00", at("10:15:05")));
        fixture.send(payment("p-3", "acc-1", "30.50", at("10:15:59.999")));
        fixture.send(payment("p-4", "acc-3", "1.00", at("10:16:29.999")));

        assertThat(fixture.activity.isEmpty()).isTrue();

        fixture.send(payment("p-5", "acc-3", "1.00", at("10:16:30")));

        List<TestRecord<String, AccountActivity>> closed = fixture.activity.readRecordsToList();
        assertThat(closed).extracting(TestRecord::key, TestRecord::value, TestRecord::getRecordTime).containsExactly(
                tuple("acc-1", activity("acc-1", "10:15", 2, "40.50", "30.50"), at("10:16:00")),
                tuple("acc-2", activity("acc-2", "10:15", 1, "5.00", "5.00"), at("10:16:00")));
    }

    @Test
    void closesManyDueWindowsAFewPerPaymentOldestFirstEachOnceAndTheirLatePaymentsStayLate() {
        for (int i = 0; i < 10; i++) {
            fixture.send(payment("p-" + i, "acc-" + i, "1.00", at("10:15:10")));
        }

        // All ten windows of 10:15 are final now; each payment closes at most four of them.
        fixture.send(payment("p-x", "acc-x", "1.00", at("10:16:30")));
        assertThat(fixture.activity.readValuesToList()).extracting(AccountActivity::accountId)
                .containsExactly("acc-0", "acc-1", "acc-2", "acc-3");
        fixture.send(payment("p-y", "acc-y", "1.00", at("10:16:31")));
        assertThat(fixture.activity.readValuesToList()).extracting(AccountActivity::accountId)
                .containsExactly("acc-4", "acc-5", "acc-6", "acc-7");

        // acc-9's window is final though not emitted yet: its payment is late and does not change it.
        fixture.send(payment("p-late", "acc-9", "5.00", at("10:15:50")));
        assertThat(DeadLetter.readFrom(fixture.deadLetterTopic.readRecord().headers()).reason())
                .isEqualTo(DeadLetterReason.LATE_EVENT);
        assertThat(fixture.activity.readValuesToList()).containsExactly(
                activity("acc-8", "10:15", 1, "1.00", "1.00"), activity("acc-9", "10:15", 1, "1.00", "1.00"));

        fixture.advanceWallClock(Duration.ofSeconds(1));
        fixture.send(payment("p-z", "acc-z", "1.00", at("10:16:32")));
        assertThat(fixture.activity.isEmpty()).as("each window emitted once").isTrue();
    }

    @Test
    void countsPaymentsArrivingOutOfOrderInsideTheGrace() {
        PaymentInitiated later = payment("p-1", "acc-1", "7.00", at("10:16:10"));
        PaymentInitiated earlier = payment("p-2", "acc-1", "3.00", at("10:15:40"));
        fixture.send(later);
        fixture.send(earlier);
        fixture.send(payment("p-3", "acc-9", "1.00", at("10:18:00")));

        assertThat(fixture.enriched.readValuesToList()).startsWith(accepted(later), accepted(earlier));
        assertThat(fixture.activity.readValuesToList()).containsExactly(
                activity("acc-1", "10:15", 1, "3.00", "3.00"),
                activity("acc-1", "10:16", 1, "7.00", "7.00"));
        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
    }

    @Test
    void deadLettersAPaymentAfterTheGraceAsLateCountsItAndLeavesTheWindowAsEmitted() {
        fixture.send(payment("p-1", "acc-1", "10.00", at("10:15:10")));
        fixture.send(payment("p-2", "acc-2", "1.00", at("10:16:30")));
        PaymentInitiated late = payment("p-3", "acc-1", "99.00", at("10:15:59"));
        TestRecord<String, byte[]> sent = fixture.send(late);
        fixture.send(payment("p-4", "acc-2", "1.00", at("10:20:00")));

        TestRecord<String, byte[]> deadLetter = fixture.deadLetterTopic.readRecord();
        assertThat(deadLetter.key()).isEqualTo("acc-1");
        assertThat(deadLetter.value()).isEqualTo(sent.value()).isEqualTo(EventJson.write(EventTypes.PAYMENT_INITIATED, late));
        assertThat(DeadLetter.readFrom(deadLetter.headers())).isEqualTo(new DeadLetter(DeadLetterReason.LATE_EVENT, "window",
                "window of 2026-11-28T10:15:59Z closed at watermark " + at("10:16:30").toEpochMilli(),
                Topics.PAYMENTS_INITIATED.name(), 0, 2L));
        assertThat(fixture.events).containsExactly("late");
        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().paymentId())
                .containsExactly("p-1", "p-2", "p-4");
        assertThat(fixture.activity.readValuesToList()).containsExactly(
                activity("acc-1", "10:15", 1, "10.00", "10.00"),
                activity("acc-2", "10:16", 1, "1.00", "1.00"));
    }

    @Test
    void closesTheWindowsOfAQuietPartitionByWallClockOnceAndThenTreatsTheirPaymentsAsLate() {
        // Processed as it happens (the wall clock starts at 10:15:30): a partition that has caught up.
        fixture.send(payment("p-1", "acc-1", "10.00", at("10:15:30")));

        fixture.advanceWallClock(Duration.ofSeconds(1));
        fixture.advanceWallClock(Duration.ofSeconds(58));
        assertThat(fixture.activity.isEmpty()).as("quiet, but at 10:16:29").isTrue();

        fixture.advanceWallClock(Duration.ofSeconds(1));
        assertThat(fixture.activity.readRecordsToList()).extracting(TestRecord::key, TestRecord::value)
                .containsExactly(tuple("acc-1", activity("acc-1", "10:15", 1, "10.00", "10.00")));

        fixture.advanceWallClock(Duration.ofMinutes(5));
        fixture.send(payment("p-2", "acc-1", "5.00", at("10:15:20")));
        fixture.advanceWallClock(Duration.ofMinutes(5));
        assertThat(fixture.activity.isEmpty()).as("emitted once").isTrue();
        assertThat(DeadLetter.readFrom(fixture.deadLetterTopic.readRecord().headers()).reason())
                .isEqualTo(DeadLetterReason.LATE_EVENT);
    }

    @Test
    void letsEventTimeFlowOnlyAsLongAsATaskIsQuietSoAPauseInABacklogDoesNotMakeItLate() {
        // 2.5 minutes behind (the wall clock starts at 10:15:30), e.g. catching up under load.
        fixture.send(payment("p-1", "acc-1", "10.00", at("10:13:00")));
        fixture.advanceWallClock(Duration.ofSeconds(1));
        // No record for this task for a whole check interval, while its backlog is still ahead of it.
        fixture.advanceWallClock(Duration.ofMillis(1500));
        fixture.send(payment("p-2", "acc-1", "5.00", at("10:13:05")));

        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
        assertThat(fixture.activity.isEmpty()).isTrue();
        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().paymentId()).containsExactly("p-1", "p-2");

        // Quiet for longer than window and grace: the window closes, with both payments.
        fixture.advanceWallClock(Duration.ofSeconds(1));
        fixture.advanceWallClock(Duration.ofMinutes(2));
        assertThat(fixture.activity.readValuesToList()).containsExactly(activity("acc-1", "10:13", 2, "15.00", "10.00"));
    }

    @Test
    void doesNotLetTheWallClockCloseWindowsWhilePaymentsKeepArrivingSoABacklogIsNotLate() {
        fixture.send(payment("p-1", "acc-1", "10.00", at("10:15:10")));
        fixture.advanceWallClock(Duration.ofMinutes(10));
        fixture.send(payment("p-2", "acc-1", "5.00", at("10:15:20")));
        fixture.advanceWallClock(Duration.ofMinutes(10));

        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
        assertThat(fixture.activity.isEmpty()).isTrue();
        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().paymentId()).containsExactly("p-1", "p-2");
    }

    @Test
    void writesEachOutputWithItsEventTime() {
        fixture.send(payment("p-1", "acc-1", "10.00", at("10:15:10")));

        assertThat(fixture.enriched.readRecord().getRecordTime()).isEqualTo(at("10:15:10"));
    }

    static AccountActivity activity(String accountId, String windowStart, long count, String total, String max) {
        Instant start = at(windowStart + ":00");
        return new AccountActivity(accountId, start, start.plusSeconds(60), count, new BigDecimal(total), new BigDecimal(max));
    }
}
