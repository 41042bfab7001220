package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.NOW;
import static dev.paymon.processor.payments.TopologyFixture.WINDOWS;
import static dev.paymon.processor.payments.TopologyFixture.accepted;
import static dev.paymon.processor.payments.TopologyFixture.at;
import static dev.paymon.processor.payments.TopologyFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.processor.monitoring.InputProgress;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Tumbling windows of 60 s with 30 s grace. Payments are at or behind the driver's wall clock, as clients send them.
 * A partition with a backlog ({@link InputProgress#NEVER} caught up) closes windows by event time alone; a caught-up
 * one also by the wall clock.
 */
class WindowTopologyTests extends TopologyTest {

    /** A partition working off a backlog: the wall clock closes nothing. */
    private TopologyFixture backlog() {
        return restart(dir -> new TopologyFixture(dir, WINDOWS, InputProgress.NEVER));
    }

    private TopologyFixture caughtUp() {
        return restart(dir -> new TopologyFixture(dir, WINDOWS, InputProgress.ALWAYS));
    }

    @Test
    void emitsOneFinalResultPerAccountWindowOnceEventTimePassesItsEndPlusGrace() {
        backlog().send(payment("p-1", "acc-2", "5.00", at("10:15:20")));
        fixture.send(payment("p-2", "acc-1", "10.00", at("10:15:05")));
        fixture.send(payment("p-3", "acc-1", "30.50", at("10:15:59.999")));
        fixture.send(payment("p-4", "acc-3", "1.00", at("10:16:29.999")));

        assertThat(fixture.activity.isEmpty()).isTrue();

        fixture.send(payment("p-5", "acc-3", "1.00", at("10:16:30")));

        List<TestRecord<String, AccountActivity>> closed = fixture.activity.readRecordsToList();
        assertThat(closed).extracting(TestRecord::key, TestRecord::value, TestRecord::getRecordTime).containsExactly(
                tuple("acc-1", activity("acc-1", "10:15", 2, "40.50", "30.50"), at("10:16:00")),
                tuple("acc-2", activity("acc-2", "10:15", 1, "5.00", "5.00"), at("10:16:00")));
        assertThat(fixture.enriched.readValuesToList()).noneMatch(PaymentEnriched::late);
    }

    @Test
    void closesManyDueWindowsAFewPerPaymentOldestFirstEachOnceAndCountsTheirLatePaymentsOutsideThem() {
        backlog();
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
        assertThat(fixture.activity.readValuesToList()).containsExactly(
                activity("acc-8", "10:15", 1, "1.00", "1.00"), activity("acc-9", "10:15", 1, "1.00", "1.00"));
        fixture.send(payment("p-z", "acc-z", "1.00", at("10:16:32")));
        assertThat(fixture.activity.isEmpty()).as("each window emitted once").isTrue();
        assertThat(fixture.enriched.readValuesToList()).filteredOn(PaymentEnriched::late)
                .extracting(e -> e.payment().paymentId()).containsExactly("p-late");
        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
    }

    @Test
    void countsPaymentsArrivingOutOfOrderInsideTheGrace() {
        PaymentInitiated later = payment("p-1", "acc-1", "7.00", at("10:16:10"));
        PaymentInitiated earlier = payment("p-2", "acc-1", "3.00", at("10:15:40"));
        backlog().send(later);
        fixture.send(earlier);
        fixture.send(payment("p-3", "acc-9", "1.00", at("10:18:00")));

        assertThat(fixture.enriched.readValuesToList()).startsWith(accepted(later), accepted(earlier));
        assertThat(fixture.activity.readValuesToList()).containsExactly(
                activity("acc-1", "10:15", 1, "3.00", "3.00"),
                activity("acc-1", "10:16", 1, "7.00", "7.00"));
        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
    }

    @Test
    void processesAPaymentAfterTheGraceMarkedLateCountsItAndLeavesTheWindowAsEmitted() {
        backlog().send(payment("p-1", "acc-1", "10.00", at("10:15:10")));
        fixture.send(payment("p-2", "acc-2", "1.00", at("10:16:30")));
        PaymentInitiated late = payment("p-3", "acc-1", "99.00", at("10:15:59"));
        fixture.send(late);
        fixture.send(payment("p-4", "acc-2", "1.00", at("10:20:00")));

        assertThat(fixture.deadLetterTopic.isEmpty()).as("no valid payment is dead-lettered").isTrue();
        assertThat(fixture.events).containsExactly("late");
        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().paymentId(), PaymentEnriched::late)
                .containsExactly(tuple("p-1", false), tuple("p-2", false), tuple("p-3", true), tuple("p-4", false));
        assertThat(fixture.activity.readValuesToList()).containsExactly(
                activity("acc-1", "10:15", 1, "10.00", "10.00"),
                activity("acc-2", "10:16", 1, "1.00", "1.00"));
    }

    @Test
    void closesNoWindowByTheWallClockWhileThePartitionHasABacklog() {
        // Ten minutes behind the wall clock, e.g. catching up after an outage: the wall clock runs on meanwhile.
        backlog().send(payment("p-1", "acc-1", "10.00", NOW.minus(Duration.ofMinutes(10))));
        fixture.advanceWallClock(Duration.ofMinutes(10));
        fixture.send(payment("p-2", "acc-1", "5.00", NOW.minus(Duration.ofMinutes(10)).plusSeconds(5)));
        fixture.advanceWallClock(Duration.ofMinutes(10));

        assertThat(fixture.activity.isEmpty()).isTrue();
        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().paymentId(), PaymentEnriched::late)
                .containsExactly(tuple("p-1", false), tuple("p-2", false));

        // Its own event time closes it, with both payments.
        fixture.send(payment("p-3", "acc-2", "1.00", NOW.minus(Duration.ofMinutes(8))));
        assertThat(fixture.activity.readValuesToList()).extracting(AccountActivity::accountId, AccountActivity::count)
                .containsExactly(tuple("acc-1", 2L));
    }

    @Test
    void closesTheWindowsOfACaughtUpPartitionByTheWallClockOnceAndMarksTheirLaterPaymentsLate() {
        Instant windowStart = Instant.ofEpochMilli(NOW.toEpochMilli() / 60_000 * 60_000);
        caughtUp().send(payment("p-1", "acc-1", "10.00", NOW));

        fixture.advanceWallClock(Duration.between(NOW, windowStart.plusSeconds(89)));
        assertThat(fixture.activity.isEmpty()).as("at window end + grace - 1 s").isTrue();

        fixture.advanceWallClock(Duration.ofSeconds(1));
        assertThat(fixture.activity.readRecordsToList()).extracting(TestRecord::key, TestRecord::value)
                .containsExactly(tuple("acc-1", new AccountActivity("acc-1", windowStart, windowStart.plusSeconds(60), 1,
                        new BigDecimal("10.00"), new BigDecimal("10.00"))));

        // A client that retries after an outage, with the payment's own time.
        fixture.advanceWallClock(Duration.ofMinutes(5));
        fixture.send(payment("p-2", "acc-1", "5.00", NOW.plusSeconds(1)));
        fixture.advanceWallClock(Duration.ofMinutes(5));
        assertThat(fixture.activity.isEmpty()).as("emitted once").isTrue();
        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().paymentId(), PaymentEnriched::late)
                .containsExactly(tuple("p-1", false), tuple("p-2", true));
        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
    }

    @Test
    void movesTheWatermarkByTheWallClockOnlyToWhenThePartitionWasLastCaughtUp() {
        SettableProgress progress = new SettableProgress();
        restart(dir -> new TopologyFixture(dir, WINDOWS, progress));
        // 00:56:59 and 00:57:20: by event time alone neither window (final at 00:57:30 and 00:58:30) is.
        fixture.send(payment("p-1", "acc-1", "1.00", NOW.minusSeconds(181)));
        fixture.send(payment("p-2", "acc-2", "1.00", NOW.minusSeconds(160)));

        // Last caught up at 00:58:00, a backlog since: the first window is final, the second not yet.
        progress.caughtUpAt(NOW.minusSeconds(120).toEpochMilli());
        fixture.advanceWallClock(Duration.ofSeconds(1));

        assertThat(fixture.activity.readValuesToList()).extracting(AccountActivity::accountId).containsExactly("acc-1");
    }

    /** A client whose clock runs four minutes ahead, then current payments of other accounts on its partition. */
    @Test
    void neverMovesTheWatermarkBeyondTheProcessorsClockSoAFastClientMakesNoOtherPaymentLate() {
        PaymentInitiated ahead = payment("p-ahead", "acc-fast", "1.00", NOW.plus(Duration.ofMinutes(4)));
        List<PaymentInitiated> current = IntStream.range(0, 10)
                .mapToObj(i -> payment("p-" + i, "acc-" + i, "1.00", NOW.minusSeconds(10 - i))).toList();

        backlog().send(ahead);
        current.forEach(fixture::send);

        assertThat(fixture.enriched.readValuesToList()).hasSize(11).extracting(PaymentEnriched::late).containsOnly(false);
        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
        assertThat(fixture.activity.isEmpty()).as("no window is final at the processor's clock").isTrue();
    }

    @Test
    void writesEachOutputWithItsEventTime() {
        backlog().send(payment("p-1", "acc-1", "10.00", at("10:15:10")));

        assertThat(fixture.enriched.readRecord().getRecordTime()).isEqualTo(at("10:15:10"));
    }

    static AccountActivity activity(String accountId, String windowStart, long count, String total, String max) {
        Instant start = at(windowStart + ":00");
        return new AccountActivity(accountId, start, start.plusSeconds(60), count, new BigDecimal(total), new BigDecimal(max));
    }
}
