package dev.paymon.publisher.admission;

import io.micrometer.core.instrument.Counter;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a publishing request through only if {@link Admission} admits it, and answers any other at once with a
 * problem: 503 {@code overloaded} beyond {@code max-in-flight} requests in progress, 429 {@code too-many-in-flight}
 * beyond {@code max-in-flight-per-key} of them presenting the same API key, 503 {@code shutting-down} while the service
 * drains; counted as {@code paymon.publisher.rejected{reason="overloaded"|"key_in_flight"|"shutting_down"}}. It is
 * the first filter: a refused request costs no authentication, no trace, no body and no Kafka send, because under
 * overload most requests are refused, and refusing must not use up the CPU the admitted ones need. So the key it
 * counts by is the one presented, as authentication will read it ({@code X-API-Key}, else the {@code Authorization}
 * bearer token), unchecked. Overload is logged at most every {@value #LOG_EVERY_SECONDS} seconds, with the number
 * refused since. A request answered asynchronously (a payment waiting for the broker's acknowledgement holds no
 * thread) stays admitted until its answer is complete, so the limits and the shutdown drain count it; its slot is
 * given back exactly once, whichever way it ends.
 */
final class AdmissionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdmissionFilter.class);
    private static final long LOG_EVERY_SECONDS = 10;
    /** The header service-support's API-key authentication reads first. */
    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    /** The answers and counters of refused requests. */
    record Refusals(RefusalProblem overloaded, Counter overloadedCount, RefusalProblem keyLimit, Counter keyLimitCount,
                    RefusalProblem shuttingDown, Counter shuttingDownCount) {
    }

    private final Admission admission;
    private final Refusals refusals;
    private final AtomicLong shedSinceLog = new AtomicLong();
    private final AtomicLong nextLog = new AtomicLong(System.nanoTime());

    AdmissionFilter(Admission admission, Refusals refusals) {
        this.admission = admission;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = presentedKey(request);
        switch (admission.tryEnter(key)) {
            case ADMITTED -> {
                boolean answeredLater = false;
                try {
                    chain.doFilter(request, response);
                    if (request.isAsyncStarted()) {
                        // Answered asynchronously (once Kafka acknowledged): in flight until the answer is written.
                        request.getAsyncContext().addListener(new LeaveOnCompletion(admission, key));
                        answeredLater = true;
                    }
                } finally {
                    if (!answeredLater) {
                        admission.leave(key);
                    }
                }
            }
            case OVERLOADED -> {
                refusals.overloadedCount().increment();
                logShedding();
                refusals.overloaded().write(request.getRequestURI(), response);
            }
            case KEY_LIMIT -> {
                refusals.keyLimitCount().increment();
                refusals.keyLimit().write(request.getRequestURI(), response);
            }
            case SHUTTING_DOWN -> {
                refusals.shuttingDownCount().increment();
                refusals.shuttingDown().write(request.getRequestURI(), response);
            }
        }
    }

    /**
     * The API key as presented, unchecked: {@code X-API-Key}, else the token of {@code Authorization: Bearer}, else
     * {@code null}. Read as the authentication filter reads it, so one key counts once however it is sent.
     */
    static String presentedKey(HttpServletRequest request) {
        String key = request.getHeader(API_KEY_HEADER);
        if (key != null) {
            return key;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length())
                : null;
    }

    /** Ends an asynchronously answered request's admission once, when its answer is complete (or failed). */
    private static final class LeaveOnCompletion implements AsyncListener {

        private final Admission admission;
        private final String key;
        private final AtomicBoolean left = new AtomicBoolean();

        LeaveOnCompletion(Admission admission, String key) {
            this.admission = admission;
            this.key = key;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            leave();
        }

        @Override
        public void onError(AsyncEvent event) {
            leave();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // Not yet answered: the time-out answer is still to be written, onComplete follows.
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // A new asynchronous cycle of the same request: this listener is not carried over, so register again.
            event.getAsyncContext().addListener(this);
        }

        private void leave() {
            if (left.compareAndSet(false, true)) {
                admission.leave(key);
            }
        }
    }

    private void logShedding() {
        long shed = shedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long next = nextLog.get();
        if (now - next >= 0 && nextLog.compareAndSet(next, now + TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS))) {
            shedSinceLog.addAndGet(-shed);
            log.warn("Overloaded: {} publishing requests in progress (the limit); answered {} more with 503 since the "
                    + "last report", admission.max(), shed);
        }
    }
}
