package dev.paymon.publisher.web;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;

/**
 * The order of the publisher's own servlet filters. The admission limit comes first of all, before tracing and
 * Spring Security, so that a request it turns away costs as little as possible; the body size limit comes right
 * after Spring Security (a caller without a valid key cannot make the service read a body) and so after the
 * admission limit too (it may read a chunked body into memory, which only admitted requests may do).
 */
public final class FilterOrder {

    public static final int ADMISSION = Ordered.HIGHEST_PRECEDENCE;
    public static final int BODY_SIZE = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;

    private FilterOrder() {
    }
}
