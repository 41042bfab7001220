package dev.paymon.benchmark.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SustainedCriterionTests {

    private static List<Long> lag(long first, long perSecond, int seconds) {
        return LongStream.range(0, seconds).map(s -> first + s * perSecond).boxed().toList();
    }

    @Test
    void steadySmallLagWithEverythingAcceptedIsSustained() {
        List<Long> noisy = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            noisy.add(s % 2 == 0 ? 3_000L : 9_000L); // the commit interval makes the lag saw-toothed
        }

        SustainedCriterion.Verdict verdict = SustainedCriterion.judge(10_000, 9_990, noisy);

        assertThat(verdict.sustained()).isTrue();
        assertThat(verdict.reason()).isEqualTo("kept up");
    }

    @Test
    void lagGrowingSteadilyIsNotSustainedEvenWhileStillSmall() {
        // 500/s more each second: 5 % of the rate, within 2 s worth at the end but growing.
        SustainedCriterion.Verdict verdict = SustainedCriterion.judge(10_000, 10_000, lag(0, 300, 60));

        assertThat(verdict.sustained()).isFalse();
        assertThat(verdict.growthPerSecond()).isCloseTo(300, within(1e-6));
        assertThat(verdict.reason()).contains("lag growing 300/s > 200/s");
    }

    @Test
    void aLargeLagAtTheEndIsNotSustainedEvenWhenFlat() {
        SustainedCriterion.Verdict verdict = SustainedCriterion.judge(10_000, 10_000, lag(50_000, 0, 60));

        assertThat(verdict.sustained()).isFalse();
        assertThat(verdict.reason()).contains("end lag 50000 > 20000");
    }

    @Test
    void aPublisherThatRefusesEventsDoesNotSustainTheRate() {
        SustainedCriterion.Verdict verdict = SustainedCriterion.judge(10_000, 9_700, lag(1_000, 0, 60));

        assertThat(verdict.sustained()).isFalse();
        assertThat(verdict.acceptedShare()).isCloseTo(0.97, within(1e-9));
        assertThat(verdict.reason()).startsWith("publisher accepted 97.0 % < 98 %");
    }

    @Test
    void slopeIsTheLeastSquaresFit() {
        assertThat(SustainedCriterion.slope(List.of(1L, 3L, 5L, 7L))).isEqualTo(2);
        assertThat(SustainedCriterion.slope(List.of(5L))).isZero();
    }

    @Test
    void aLagOfLessThanASecondsWorthIsBoundedWhateverItsTrend() {
        // At 500/s: idle, then window closes leave a few hundred behind in the last seconds (a rising slope).
        List<Long> sawtooth = new ArrayList<>(java.util.Collections.nCopies(52, 0L));
        sawtooth.addAll(List.of(100L, 200L, 300L, 400L, 450L, 450L, 450L, 450L));
        SustainedCriterion.Verdict verdict = SustainedCriterion.judge(500, 500, sawtooth);

        assertThat(verdict.growthPerSecond()).isGreaterThan(SustainedCriterion.MAX_GROWTH * 500);
        assertThat(verdict.sustained()).isTrue();
    }
}
