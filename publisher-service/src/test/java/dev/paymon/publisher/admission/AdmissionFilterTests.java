package dev.paymon.publisher.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A request answered asynchronously stays admitted until its answer is complete, not just until its thread returns. */
class AdmissionFilterTests {

    final Admission admission = new Admission(1);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AdmissionFilter filter = new AdmissionFilter(admission, new AdmissionFilter.Refusals(
            RefusalProblem.overloaded(1, 1), meters.counter("overloaded"),
            RefusalProblem.shuttingDown(1), meters.counter("shutting-down")));

    @Test
    void keepsAnAsynchronouslyAnsweredRequestInFlightUntilItsAnswerIsComplete() throws Exception {
        MockHttpServletRequest request = publishing();
        FilterChain answerLater = (req, res) -> req.startAsync();

        filter.doFilter(request, new MockHttpServletResponse(), answerLater);

        assertThat(admission.inFlight()).as("thread returned, answer pending").isEqualTo(1);
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(publishing(), refused, (req, res) -> { });
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(admission.drain(Duration.ZERO)).as("the drain waits for it").isFalse();

        request.getAsyncContext().complete();

        assertThat(admission.inFlight()).isZero();
        assertThat(admission.drain(Duration.ZERO)).isTrue();
    }

    @Test
    void releasesASynchronouslyAnsweredRequestWhenItsThreadReturns() throws Exception {
        filter.doFilter(publishing(), new MockHttpServletResponse(), (req, res) -> { });

        assertThat(admission.inFlight()).isZero();
    }

    private static MockHttpServletRequest publishing() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments");
        request.setAsyncSupported(true);
        return request;
    }
}
