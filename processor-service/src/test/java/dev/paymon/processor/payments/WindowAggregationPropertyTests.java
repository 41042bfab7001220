package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.at;
import static dev.paymon.processor.payments.TopologyFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random payment streams (several accounts, out of order, late, duplicated), each checked against a
 * plain recomputation of the windows from the input: the same final results, in order of window start
 * then account, and every payment enriched once, counted in its window or marked late. The stream is a backlog
 * (the partition is not caught up), so event time alone closes windows until it has been worked off.
 */
class WindowAggregationPropertyTests {

    private static final long SIZE = 60_000;
    private static final long GRACE = 30_000;
    private static final int RUNS = 25;

    @TempDir
    Path stateDir;

    @Test
    void finalWindowResultsMatchARecomputationFromTheInput() {
        for (int seed = 0; seed < RUNS; seed++) {
            List<PaymentInitiated> stream = randomStream(new Random(seed));
            Expected expected = recompute(stream);
            SettableProgress progress = new SettableProgress();
            try (TopologyFixture fixture = new TopologyFixture(stateDir.resolve("run-" + seed), TopologyFixture.WINDOWS,
                    progress)) {
                stream.forEach(fixture::send);
                fixture.advanceWallClock(Duration.ofSeconds(1));
                progress.caughtUpAt(Long.MAX_VALUE);
                fixture.advanceWallClock(Duration.ofDays(1));

                assertThat(fixture.activity.readValuesToList()).as("seed %d", seed).containsExactlyElementsOf(expected.windows);
                List<PaymentEnriched> enriched = fixture.enriched.readValuesToList();
                assertThat(enriched).as("seed %d", seed).hasSize(expected.accepted + expected.late);
                assertThat(enriched).as("seed %d", seed).filteredOn(PaymentEnriched::late).hasSize(expected.late);
                assertThat(fixture.deadLetterTopic.isEmpty()).as("seed %d", seed).isTrue();
            }
        }
    }

    private static List<PaymentInitiated> randomStream(Random random) {
        List<PaymentInitiated> sent = new ArrayList<>();
        long clock = at("10:15:00").toEpochMilli();
        int count = random.nextInt(10, 60);
        for (int i = 0; i < count; i++) {
            if (!sent.isEmpty() && random.nextInt(10) == 0) {
                sent.add(sent.get(random.nextInt(sent.size())));
                continue;
            }
            clock += random.nextInt(0, 15_000);
            // About a third arrive out of order, some of them after their window's grace.
            long time = random.nextInt(3) == 0 ? clock - random.nextInt(0, 150_000) : clock;
            sent.add(payment("p-" + i, "acc-" + random.nextInt(4), BigDecimal.valueOf(random.nextInt(1, 200_000), 2)
                    .toPlainString(), Instant.ofEpochMilli(time)));
        }
        return sent;
    }

    /** The definition, without state stores: a payment is late when its window ended + grace before the highest event time seen. */
    private static Expected recompute(List<PaymentInitiated> stream) {
        Set<String> seen = new HashSet<>();
        long watermark = Long.MIN_VALUE;
        int late = 0;
        Map<String, List<PaymentInitiated>> windows = new TreeMap<>();
        for (PaymentInitiated payment : stream) {
            if (!seen.add(payment.paymentId())) {
                continue;
            }
            long time = payment.occurredAt().toEpochMilli();
            watermark = Math.max(watermark, time);
            long start = time - time % SIZE;
            if (start + SIZE + GRACE <= watermark) {
                late++;
                continue;
            }
            windows.computeIfAbsent(String.format("%019d|%s", start, payment.accountId()), k -> new ArrayList<>()).add(payment);
        }
        List<AccountActivity> results = windows.values().stream().map(WindowAggregationPropertyTests::activity)
                .sorted(Comparator.comparing(AccountActivity::windowStart).thenComparing(AccountActivity::accountId))
                .toList();
        int accepted = windows.values().stream().mapToInt(List::size).sum();
        return new Expected(results, accepted, late);
    }

    private static AccountActivity activity(List<PaymentInitiated> payments) {
        long time = payments.get(0).occurredAt().toEpochMilli();
        Instant start = Instant.ofEpochMilli(time - time % SIZE);
        BigDecimal total = payments.stream().map(PaymentInitiated::amount).reduce(BigDecimal::add).orElseThrow();
        BigDecimal max = payments.stream().map(PaymentInitiated::amount).max(Comparator.naturalOrder()).orElseThrow();
        return new AccountActivity(payments.get(0).accountId(), start, start.plusMillis(SIZE), payments.size(),
                total.setScale(2), max.setScale(2));
    }

    private record Expected(List<AccountActivity> windows, int accepted, int late) {
    }
}
