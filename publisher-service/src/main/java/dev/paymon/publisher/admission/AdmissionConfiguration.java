package dev.paymon.publisher.admission;

import dev.paymon.publisher.web.FilterOrder;
import dev.paymon.publisher.PublisherProperties;
import dev.paymon.publisher.web.RejectionReason;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Admission control ({@link AdmissionProperties}) on the endpoints that publish to Kafka. Not on the simulator's
 * endpoints (their own limit is {@code simulation.max-running}, and an operator must be able to stop one under
 * load) nor on health and info. Gauge {@value #IN_FLIGHT_METRIC}: requests admitted right now.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionConfiguration {

    static final String IN_FLIGHT_METRIC = "paymon.publisher.requests.in.flight";
    /** Servlet URL patterns ({@code /x/*} also matches {@code /x} itself). */
    static final String[] PUBLISHING_PATHS = {"/api/v1/payments/*", "/api/v1/accounts/*", "/api/v1/fx-rates/*"};
    /** What a request in progress may take beyond the send timeout: reading its body, writing its answer. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(1);

    @Bean
    Admission admission(AdmissionProperties properties, MeterRegistry meters) {
        Admission admission = new Admission(properties.maxInFlight(), properties.maxInFlightPerKey());
        Gauge.builder(IN_FLIGHT_METRIC, admission, Admission::inFlight)
                .description("Publishing requests admitted and not yet answered; at most "
                        + "paymon.publisher.admission.max-in-flight")
                .register(meters);
        return admission;
    }

    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(Admission admission, AdmissionProperties properties,
                                                            MeterRegistry meters) {
        AdmissionFilter.Refusals refusals = new AdmissionFilter.Refusals(
                RefusalProblem.overloaded(admission.max(), properties.retryAfterSeconds()),
                RejectionReason.OVERLOADED.counter(meters),
                RefusalProblem.tooManyInFlight(admission.maxPerKey(), properties.retryAfterSeconds()),
                RejectionReason.KEY_IN_FLIGHT.counter(meters),
                RefusalProblem.shuttingDown(properties.retryAfterSeconds()),
                RejectionReason.SHUTTING_DOWN.counter(meters));
        FilterRegistrationBean<AdmissionFilter> registration =
                new FilterRegistrationBean<>(new AdmissionFilter(admission, refusals));
        registration.addUrlPatterns(PUBLISHING_PATHS);
        registration.setOrder(FilterOrder.ADMISSION);
        return registration;
    }

    @Bean
    ShutdownDrain shutdownDrain(Admission admission, AdmissionProperties properties, PublisherProperties publisher) {
        return new ShutdownDrain(admission, properties.drain(), publisher.sendTimeout().plus(ANSWER_MARGIN));
    }
}
