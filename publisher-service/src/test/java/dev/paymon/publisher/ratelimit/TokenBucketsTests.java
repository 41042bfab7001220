package dev.paymon.publisher.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTests {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void letsABurstThroughThenRefillsAtTheRate() {
        TokenBuckets buckets = new TokenBuckets(2, 3, nanos::get);

        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(1);
        advanceMillis(499);
        assertThat(buckets.take("a")).as("0.998 tokens").isEqualTo(1);
        advanceMillis(1);
        assertThat(buckets.take("a")).isZero();
    }

    @Test
    void answersTheWholeSecondsUntilTheNextTokenRoundedUp() {
        TokenBuckets buckets = new TokenBuckets(0.1, 1, nanos::get);

        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(10);
        advanceMillis(2500);
        assertThat(buckets.take("a")).isEqualTo(8);
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBuckets buckets = new TokenBuckets(10, 2, nanos::get);
        buckets.take("a");
        advanceMillis(60_000);

        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(1);
    }

    @Test
    void keepsABucketPerName() {
        TokenBuckets buckets = new TokenBuckets(1, 1, nanos::get);

        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(1);
        assertThat(buckets.take("b")).isZero();
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }
}
