package dev.paymon.publisher.web;

import dev.paymon.publisher.PublisherProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses request bodies over {@code paymon.publisher.max-body-size} with a 413 problem, before anything
 * parses them: Spring has no such limit for JSON. A declared {@code Content-Length} is checked up front; a
 * body of unknown length (chunked) is read up to one byte over the limit and then passed on from memory. Runs
 * right after Spring Security, and so after the admission limit ({@link FilterOrder}), so that neither a caller
 * without a valid key nor a request beyond the limit can make the service read a body at all.
 */
@Component
@Order(FilterOrder.BODY_SIZE)
class RequestSizeFilter extends OncePerRequestFilter {

    private final long limit;
    private final HandlerExceptionResolver problems;

    RequestSizeFilter(PublisherProperties properties,
                      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.limit = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            reject(request, response, "declares " + declared + " bytes");
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                reject(request, response, "is longer");
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String what) {
        // Rendered by ApiExceptionHandler like every other problem, although no handler was chosen yet.
        problems.resolveException(request, response, null, new RequestTooLargeException(
                "The request body " + what + "; at most " + limit + " bytes are accepted"));
    }
}
