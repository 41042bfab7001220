package dev.paymon.publisher.web;

import dev.paymon.events.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an API request that gives a query parameter more than once ({@code ?async=true&async=false}) with a 400
 * naming it: none of the publisher's parameters takes several values, and Spring would silently use the first, so
 * the client's intent is unknown (as with a duplicate JSON key, which {@link RequestJson} refuses too).
 */
@Configuration(proxyBeanMethods = false)
class SingleQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldViolation> repeated = request.getParameterMap().entrySet().stream()
                .filter(parameter -> parameter.getValue().length > 1)
                .map(Map.Entry::getKey)
                .sorted()
                .map(name -> new FieldViolation(name, "must be given at most once"))
                .toList();
        if (!repeated.isEmpty()) {
            throw new InvalidRequestException(repeated);
        }
        return true;
    }
}
