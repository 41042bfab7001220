package dev.paymon.publisher.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.publisher.admission.Admission.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdmissionTests {

    @Test
    void admitsUpToTheLimitThenRefusesUntilOneLeaves() {
        Admission admission = new Admission(2);

        assertThat(admission.tryEnter()).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.tryEnter()).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.tryEnter()).isEqualTo(Verdict.OVERLOADED);
        assertThat(admission.inFlight()).isEqualTo(2);

        admission.leave();

        assertThat(admission.inFlight()).isEqualTo(1);
        assertThat(admission.tryEnter()).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void drainingRefusesEveryoneAndReportsWhetherTheRequestsInProgressEnded() throws InterruptedException {
        Admission admission = new Admission(2);
        assertThat(admission.tryEnter()).isEqualTo(Verdict.ADMITTED);

        assertThat(admission.drain(Duration.ZERO)).as("one still in progress").isFalse();
        assertThat(admission.tryEnter()).isEqualTo(Verdict.SHUTTING_DOWN);

        admission.leave();

        assertThat(admission.drain(Duration.ZERO)).isTrue();
        assertThat(admission.inFlight()).isZero();
        assertThat(admission.tryEnter()).isEqualTo(Verdict.SHUTTING_DOWN);
        admission.open();
        assertThat(admission.tryEnter()).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void propertiesRefuseNonsenseAndRoundRetryAfterUpToWholeSeconds() {
        assertThatThrownBy(() -> new AdmissionProperties(0, Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("max-in-flight");
        assertThatThrownBy(() -> new AdmissionProperties(1, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("retry-after");
        assertThatThrownBy(() -> new AdmissionProperties(1, Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .hasMessageContaining("drain");
        assertThat(new AdmissionProperties(1, Duration.ofMillis(1500), Duration.ZERO).retryAfterSeconds()).isEqualTo(2);
        assertThat(new AdmissionProperties(1, Duration.ofMillis(10), Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }
}
