package dev.paymon.benchmark.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BucketHistogramTests {

    private static final String METRIC = "paymon_subscriber_end_to_end_latency_seconds";

    private static BucketHistogram scrape(double le10ms, double le20ms, double le50ms, double inf) {
        String text = """
                # HELP paymon_subscriber_end_to_end_latency_seconds Time from occurredAt to the commit
                # TYPE paymon_subscriber_end_to_end_latency_seconds histogram
                paymon_subscriber_end_to_end_latency_seconds_bucket{application="subscriber-service",le="0.01"} %s
                paymon_subscriber_end_to_end_latency_seconds_bucket{application="subscriber-service",le="0.02"} %s
                paymon_subscriber_end_to_end_latency_seconds_bucket{application="subscriber-service",le="0.05"} %s
                paymon_subscriber_end_to_end_latency_seconds_bucket{application="subscriber-service",le="+Inf"} %s
                paymon_subscriber_end_to_end_latency_seconds_count{application="subscriber-service"} %s
                paymon_subscriber_end_to_end_latency_seconds_sum{application="subscriber-service"} 12.5
                """.formatted(le10ms, le20ms, le50ms, inf, inf);
        return BucketHistogram.of(PrometheusText.parse(text), METRIC);
    }

    @Test
    void differenceHoldsOnlyWhatWasRecordedBetweenTheScrapes() {
        BucketHistogram before = scrape(1000, 1000, 1000, 1000);
        BucketHistogram after = scrape(1050, 1090, 1100, 1100);

        BucketHistogram delta = after.minus(before);

        assertThat(delta.count()).isEqualTo(100);
        assertThat(delta.cumulativeByUpperBound()).containsExactly(
                java.util.Map.entry(0.01, 50.0), java.util.Map.entry(0.02, 90.0), java.util.Map.entry(0.05, 100.0),
                java.util.Map.entry(Double.POSITIVE_INFINITY, 100.0));
    }

    @Test
    void interpolatesLinearlyWithinTheBucketOfThePercentile() {
        BucketHistogram delta = scrape(50, 90, 100, 100);

        // 50 of 100 at or below 10 ms; the first bucket starts at 0.
        assertThat(delta.percentile(25)).isCloseTo(0.005, within(1e-9));
        assertThat(delta.percentile(50)).isCloseTo(0.010, within(1e-9));
        // rank 70 is half-way through the 40 between 10 and 20 ms.
        assertThat(delta.percentile(70)).isCloseTo(0.015, within(1e-9));
        // rank 99 is 9/10 through the 10 between 20 and 50 ms.
        assertThat(delta.percentile(99)).isCloseTo(0.047, within(1e-9));
    }

    @Test
    void aPercentileInTheOpenTopBucketIsTheHighestFiniteBound() {
        BucketHistogram delta = scrape(10, 10, 10, 20);

        assertThat(delta.percentile(99)).isEqualTo(0.05);
    }

    @Test
    void skipsEmptyBucketsAndIsNaNWithoutObservations() {
        assertThat(scrape(0, 0, 10, 10).percentile(50)).isCloseTo(0.035, within(1e-9));
        assertThat(scrape(0, 0, 0, 0).percentile(50)).isNaN();
    }

    @Test
    void resolutionIsTheLargestRatioOfNeighbouringBounds() {
        assertThat(scrape(1, 2, 3, 3).resolution(0.005, 1)).isEqualTo(2.5);
    }

    @Test
    void sumsSeriesThatDifferOnlyInOtherLabels() {
        String text = """
                m_seconds_bucket{instance="a",le="0.1"} 3
                m_seconds_bucket{instance="b",le="0.1"} 4
                m_seconds_bucket{instance="a",le="+Inf"} 5
                m_seconds_bucket{instance="b",le="+Inf"} 6
                """;

        assertThat(BucketHistogram.of(PrometheusText.parse(text), "m_seconds").cumulativeByUpperBound())
                .containsExactly(java.util.Map.entry(0.1, 7.0), java.util.Map.entry(Double.POSITIVE_INFINITY, 11.0));
    }
}
