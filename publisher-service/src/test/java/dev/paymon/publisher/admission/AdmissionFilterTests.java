package dev.paymon.publisher.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A request answered asynchronously stays admitted until its answer is complete, not just until its thread returns;
 * a key over its share is refused with 429 before anything else runs.
 */
class AdmissionFilterTests {

    final Admission admission = new Admission(1, 1);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AdmissionFilter filter = filter(admission);

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

    @Test
    void refusesAKeyOverItsShareWith429AndGivesEverySlotBackOnceAsynchronousAnswersComplete() throws Exception {
        Admission shared = new Admission(4, 2);
        AdmissionFilter perKey = filter(shared);
        MockHttpServletRequest first = publishing("key-a");
        MockHttpServletRequest second = publishing("key-a");
        perKey.doFilter(first, new MockHttpServletResponse(), (req, res) -> req.startAsync());
        perKey.doFilter(second, new MockHttpServletResponse(), (req, res) -> req.startAsync());

        MockHttpServletResponse refused = new MockHttpServletResponse();
        boolean[] reachedTheChain = {false};
        perKey.doFilter(publishing("key-a"), refused, (req, res) -> reachedTheChain[0] = true);
        MockHttpServletResponse other = new MockHttpServletResponse();
        perKey.doFilter(publishing("key-b"), other, (req, res) -> ((MockHttpServletResponse) res).setStatus(202));

        assertThat(reachedTheChain[0]).isFalse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).isEqualTo("""
                {"type":"https://paymon.dev/problems/too-many-in-flight","title":"Too many requests in progress",\
                "status":429,"detail":"This API key already has as many publishing requests in progress as one key \
                may have (2). Nothing was published; retry after 1 second with the same ids.",\
                "instance":"/api/v1/payments"}""");
        assertThat(meters.get("key-in-flight").counter().count()).isEqualTo(1);
        assertThat(other.getStatus()).isEqualTo(202);
        assertThat(shared.inFlight("key-a")).isEqualTo(2);

        first.getAsyncContext().complete();
        second.getAsyncContext().complete();

        assertThat(shared.inFlight()).isZero();
        assertThat(shared.keys()).isZero();
    }

    @Test
    void countsAKeyAsAuthenticationReadsIt() {
        MockHttpServletRequest both = publishing("pk_a");
        both.addHeader("Authorization", "Bearer pk_b");
        MockHttpServletRequest bearer = publishing(null);
        bearer.addHeader("Authorization", "bearer pk_b");
        MockHttpServletRequest basic = publishing(null);
        basic.addHeader("Authorization", "Basic dXNlcjpwdw==");

        assertThat(AdmissionFilter.presentedKey(both)).isEqualTo("pk_a");
        assertThat(AdmissionFilter.presentedKey(bearer)).isEqualTo("pk_b");
        assertThat(AdmissionFilter.presentedKey(basic)).isNull();
        assertThat(AdmissionFilter.presentedKey(publishing(null))).isNull();
    }

    private AdmissionFilter filter(Admission admission) {
        return new AdmissionFilter(admission, new AdmissionFilter.Refusals(
                RefusalProblem.overloaded(admission.max(), 1), meters.counter("overloaded"),
                RefusalProblem.tooManyInFlight(admission.maxPerKey(), 1), meters.counter("key-in-flight"),
                RefusalProblem.shuttingDown(1), meters.counter("shutting-down")));
    }

    private static MockHttpServletRequest publishing(String key) {
        MockHttpServletRequest request = publishing();
        if (key != null) {
            request.addHeader(AdmissionFilter.API_KEY_HEADER, key);
        }
        return request;
    }

    private static MockHttpServletRequest publishing() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments");
        request.setAsyncSupported(true);
        return request;
    }
}
