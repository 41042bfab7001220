package dev.paymon.benchmark.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class RateSearchTests {

    /** Runs the search against a pipeline that sustains exactly the rates {@code keepsUp} accepts. */
    private static List<Double> tried(RateSearch search, DoublePredicate keepsUp, int maxCandidates) {
        List<Double> tried = new ArrayList<>();
        OptionalDouble next = OptionalDouble.of(search.candidate());
        while (next.isPresent() && tried.size() < maxCandidates) {
            double rate = next.getAsDouble();
            tried.add(rate);
            next = search.record(keepsUp.test(rate));
        }
        return tried;
    }

    @Test
    void goesUpWhileSustainedThenStopsBelowTheFirstFailure() {
        RateSearch search = new RateSearch(1_834, 0.8);
        assertThat(tried(search, rate -> rate <= 2_600, 10)).containsExactly(1_500.0, 2_000.0, 2_500.0, 3_000.0);
        assertThat(search.result()).isEqualTo(2_500);
    }

    @Test
    void goesDownWhileFailingThenSplitsTheInterval() {
        RateSearch search = new RateSearch(5_000, 0.8);
        assertThat(tried(search, rate -> rate <= 2_200, 10)).containsExactly(5_000.0, 4_000.0, 3_000.0, 2_000.0,
                2_500.0);
        assertThat(search.result()).isEqualTo(2_000);
    }

    @Test
    void nothingSustainedDownToTheGrainIsZero() {
        RateSearch search = new RateSearch(900, 0.8);
        assertThat(tried(search, rate -> false, 10)).containsExactly(500.0);
        assertThat(search.result()).isZero();
    }

    @Test
    void aCappedSearchReportsTheBestSoFar() {
        RateSearch search = new RateSearch(10_000, 0.8);
        assertThat(tried(search, rate -> rate <= 7_000, 2)).containsExactly(10_000.0, 8_000.0);
        assertThat(search.result()).isZero();
    }

    @Test
    void stepMustShrink() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateSearch(1_000, 1.0));
    }
}
