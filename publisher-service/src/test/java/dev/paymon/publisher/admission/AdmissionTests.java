package dev.paymon.publisher.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.publisher.admission.Admission.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AdmissionTests {

    @Test
    void admitsUpToTheLimitThenRefusesUntilOneLeaves() {
        Admission admission = new Admission(2, 2);

        assertThat(admission.tryEnter("k")).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.tryEnter("k")).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.tryEnter("other")).isEqualTo(Verdict.OVERLOADED);
        assertThat(admission.inFlight()).isEqualTo(2);

        admission.leave("k");

        assertThat(admission.inFlight()).isEqualTo(1);
        assertThat(admission.tryEnter("other")).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void countsEachKeyApartAndRefusesOneOverItsShareWhileOthersAreAdmitted() {
        Admission admission = new Admission(4, 2);

        assertThat(admission.tryEnter("a")).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.tryEnter("a")).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.tryEnter("a")).isEqualTo(Verdict.KEY_LIMIT);
        assertThat(admission.tryEnter("b")).isEqualTo(Verdict.ADMITTED);

        assertThat(admission.inFlight()).as("the refused one gave its global slot back").isEqualTo(3);
        assertThat(admission.inFlight("a")).isEqualTo(2);
        assertThat(admission.inFlight("b")).isEqualTo(1);

        admission.leave("a");

        assertThat(admission.inFlight("a")).isEqualTo(1);
        assertThat(admission.tryEnter("a")).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.inFlight()).isEqualTo(3);
    }

    @Test
    void requestsWithoutAKeyShareOneCount() {
        Admission admission = new Admission(4, 2);

        assertThat(admission.tryEnter(null)).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.tryEnter("")).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.tryEnter(null)).isEqualTo(Verdict.KEY_LIMIT);
        assertThat(admission.inFlight(null)).isEqualTo(2);

        admission.leave("");
        admission.leave(null);

        assertThat(admission.inFlight()).isZero();
        assertThat(admission.keys()).isZero();
    }

    @Test
    void forgetsAKeyOnceItsLastRequestLeaves() {
        Admission admission = new Admission(4, 2);
        admission.tryEnter("a");
        admission.tryEnter("a");
        admission.tryEnter("b");
        assertThat(admission.keys()).isEqualTo(2);

        admission.leave("a");
        assertThat(admission.keys()).isEqualTo(2);
        admission.leave("a");
        admission.leave("b");

        assertThat(admission.keys()).isZero();
        assertThat(admission.inFlight()).isZero();
        assertThat(admission.inFlight("a")).isZero();
    }

    @Test
    void keepsNoEntryForARefusedKey() {
        Admission admission = new Admission(1, 1);
        assertThat(admission.tryEnter("a")).isEqualTo(Verdict.ADMITTED);

        assertThat(admission.tryEnter("b")).as("the global limit comes first").isEqualTo(Verdict.OVERLOADED);

        assertThat(admission.keys()).isEqualTo(1);
        assertThat(admission.inFlight("b")).isZero();
    }

    @Test
    void neverAdmitsMoreThanAKeysShareUnderConcurrency() throws Exception {
        Admission admission = new Admission(32, 4);
        int threads = 16;
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = IntStream.range(0, threads).<Future<?>>mapToObj(t -> pool.submit(() -> {
                String key = "k" + t % 2;
                for (int i = 0; i < 20_000; i++) {
                    if (admission.tryEnter(key) == Verdict.ADMITTED) {
                        most.accumulateAndGet(admission.inFlight(key), Math::max);
                        admission.leave(key);
                    }
                }
            })).toList();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(most.get()).isLessThanOrEqualTo(4);
        assertThat(admission.inFlight()).isZero();
        assertThat(admission.keys()).as("every slot given back, every entry removed").isZero();
    }

    @Test
    void drainingRefusesEveryoneAndReportsWhetherTheRequestsInProgressEnded() throws InterruptedException {
        Admission admission = new Admission(2, 2);
        assertThat(admission.tryEnter("k")).isEqualTo(Verdict.ADMITTED);

        assertThat(admission.drain(Duration.ZERO)).as("one still in progress").isFalse();
        assertThat(admission.tryEnter("other")).isEqualTo(Verdict.SHUTTING_DOWN);

        admission.leave("k");

        assertThat(admission.drain(Duration.ZERO)).isTrue();
        assertThat(admission.inFlight()).isZero();
        assertThat(admission.tryEnter("k")).isEqualTo(Verdict.SHUTTING_DOWN);
        admission.open();
        assertThat(admission.tryEnter("k")).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void propertiesRefuseNonsenseAndRoundRetryAfterUpToWholeSeconds() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new AdmissionProperties(0, 1, second, Duration.ZERO))
                .hasMessageContaining("max-in-flight");
        assertThatThrownBy(() -> new AdmissionProperties(4, 0, second, Duration.ZERO))
                .hasMessageContaining("max-in-flight-per-key");
        assertThatThrownBy(() -> new AdmissionProperties(4, 5, second, Duration.ZERO))
                .hasMessage("paymon.publisher.admission.max-in-flight-per-key must be at least 1 and at most "
                        + "max-in-flight (4), was 5");
        assertThatThrownBy(() -> new AdmissionProperties(1, 1, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("retry-after");
        assertThatThrownBy(() -> new AdmissionProperties(1, 1, second, Duration.ofSeconds(-1)))
                .hasMessageContaining("drain");
        assertThat(new AdmissionProperties(1, 1, Duration.ofMillis(1500), Duration.ZERO).retryAfterSeconds())
                .isEqualTo(2);
        assertThat(new AdmissionProperties(1, 1, Duration.ofMillis(10), Duration.ZERO).retryAfterSeconds())
                .isEqualTo(1);
    }

    @Test
    void admissionRefusesAPerKeyShareBeyondTheWhole() {
        assertThatThrownBy(() -> new Admission(2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Admission(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
