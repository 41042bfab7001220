package dev.paymon.publisher.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Applies the per-key rate limit ({@link RateLimitProperties}) to {@code /api/v1}, when it is enabled. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final RateLimitProperties properties;
    private final MeterRegistry meters;

    RateLimitConfiguration(RateLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties.enabled()) {
            TokenBuckets buckets = new TokenBuckets(properties.requestsPerSecond(), properties.burst(), System::nanoTime);
            registry.addInterceptor(new RateLimitInterceptor(buckets, meters)).addPathPatterns("/api/v1/**");
        }
    }
}
