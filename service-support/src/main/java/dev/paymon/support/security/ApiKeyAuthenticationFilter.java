package dev.paymon.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the API key of a request, sent as {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}
 * (the first if both are there), for this request only (stateless: no session, no cookie). A request without a
 * key, or with one configured nowhere, goes on unauthenticated: paths that need a key then answer 401, always with
 * the same problem, so a caller cannot tell a wrong key from a missing one. Only unknown keys are logged, with the
 * request but never with any part of the key.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    private final ApiKeys keys;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented != null) {
            try {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(keys.authenticate(ApiKeyAuthentication.presented(presented)));
                contexts.setContext(context);
            } catch (AuthenticationException e) {
                log.warn("Unknown API key presented: {} {} from {}", request.getMethod(), request.getRequestURI(),
                        request.getRemoteAddr());
            }
        }
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                key = authorization.substring(BEARER.length());
            }
        }
        return key == null || key.isBlank() ? null : key.strip();
    }
}
