package dev.paymon.publisher.admission;

import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a publishing request through only if {@link Admission} admits it, and answers any other at once with a 503
 * problem: {@code overloaded} beyond {@code max-in-flight} requests in progress, {@code shutting-down} while the
 * service drains, counted as {@code paymon.publisher.rejected{reason="overloaded"|"shutting_down"}}. It is the
 * first filter: a refused request costs no authentication, no trace, no body and no Kafka send, because under
 * overload most requests are refused, and refusing must not use up the CPU the admitted ones need. Overload is
 * logged at most every {@value #LOG_EVERY_SECONDS} seconds, with the number refused since.
 */
final class AdmissionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdmissionFilter.class);
    private static final long LOG_EVERY_SECONDS = 10;

    /** The answers and counters of refused requests. */
    record Refusals(RefusalProblem overloaded, Counter overloadedCount, RefusalProblem shuttingDown,
                    Counter shuttingDownCount) {
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
        switch (admission.tryEnter()) {
            case ADMITTED -> {
                try {
                    chain.doFilter(request, response);
                } finally {
                    admission.leave();
                }
            }
            case OVERLOADED -> {
                refusals.overloadedCount().increment();
                logShedding();
                refusals.overloaded().write(request.getRequestURI(), response);
            }
            case SHUTTING_DOWN -> {
                refusals.shuttingDownCount().increment();
                refusals.shuttingDown().write(request.getRequestURI(), response);
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
