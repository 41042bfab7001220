package dev.paymon.support.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * API-key security for a service with an {@code /api/v1}: import it and declare an {@link ApiAccessRules} bean.
 * (Only in a servlet web application: a service started without its web server has no API to protect.)
 *
 * <ul>
 *   <li>Every {@code /api/v1} path needs a valid key ({@link ApiKeyAuthenticationFilter}); the service's rules say
 *       which role each endpoint needs. So an unknown {@code /api/v1} path answers 401 without a key and 404 with
 *       one.</li>
 *   <li>Every other path is public: the OpenAPI document and Swagger UI, {@code /actuator/health} and
 *       {@code /actuator/info} (status only, see {@code PublicHealthEndpoints}), the error page; anything else
 *       there answers 404 as before. The other actuator endpoints are on the management port.</li>
 *   <li>Error and async dispatches are let through: they belong to a request that was authorised when it came in
 *       (the live stream's events are written in async dispatches).</li>
 *   <li>Stateless: no session, no cookie, hence no CSRF protection (a browser never sends the key on its own); no
 *       login page, no HTTP basic.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiSecurityConfiguration {

    /** The paths that need a key. */
    public static final String API = "/api/v1/**";

    @Bean
    ApiKeys apiKeys(ApiKeyProperties properties) {
        return new ApiKeys(properties);
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeys keys, ApiAccessRules rules) {
        SecurityProblems problems = new SecurityProblems();
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    rules.declare(requests);
                    requests.requestMatchers(API).authenticated()
                            .anyRequest().permitAll();
                })
                .build();
    }
}
