package dev.paymon.support.security;

import dev.paymon.support.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of a refused call, as RFC 9457 problems: 401 (with {@code WWW-Authenticate}) for a missing or unknown
 * key, the same for both, and 403 for a known key without the role the call needs. Neither says which keys exist.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String UNAUTHORIZED_DETAIL = "This call needs a valid API key, sent as X-API-Key: <key> "
            + "or Authorization: Bearer <key>.";
    static final String FORBIDDEN_DETAIL = "The API key does not hold the role this call needs.";
    static final String CHALLENGE = "Bearer realm=\"paymon\"";

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED_DETAIL);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        log.warn("API key '{}' lacks the role for {} {}", authentication == null ? "?" : authentication.getName(),
                request.getMethod(), request.getRequestURI());
        write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN_DETAIL);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.forStatus(status).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
