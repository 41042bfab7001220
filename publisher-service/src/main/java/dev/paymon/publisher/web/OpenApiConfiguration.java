package dev.paymon.publisher.web;

import dev.paymon.support.openapi.ProblemDocumentation;
import dev.paymon.support.openapi.ProblemDocumentation.DocumentedType;
import dev.paymon.support.web.ProblemTypes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Title, description and the API-key scheme of the OpenAPI document ({@code /v3/api-docs}, {@code /swagger-ui.html},
 * where "Authorize" takes a key), and its problem details: every problem type the publisher answers
 * ({@link ProblemDocumentation}; {@code OperationsIT} checks the list against the code).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI publisherApi() {
        return new OpenAPI().info(new Info()
                        .title("paymon publisher")
                        .version("v1")
                        .description("""
                                Accepts payments and reference data over REST and publishes them to Kafka. \
                                A 2xx means the broker acknowledged the event (acks=all), except with ?async=true, \
                                which answers once the producer has the event (at most once). Errors are RFC 9457 \
                                problem details; 503 with Retry-After when Kafka cannot take the event in time. \
                                Every call needs an API key (X-API-Key or Authorization: Bearer): 401 without a \
                                valid one, 403 without the role (ingest for payments, admin for reference data, admin \
                                or simulate for simulations), 429 with Retry-After over the key's rate limit or while the key \
                                has as many publishing requests in progress as one key may have."""))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                        .description("An API key; `Authorization: Bearer <key>` works as well.")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /** The publisher's own problem types, besides those every service shares. */
    @Bean
    ProblemDocumentation publisherProblems() {
        return new ProblemDocumentation(List.of(
                new DocumentedType(ProblemTypes.of("validation"), HttpStatus.BAD_REQUEST,
                        "Invalid fields or query parameters (one given twice); `errors` lists every one"),
                new DocumentedType(ProblemTypes.of("malformed-json"), HttpStatus.BAD_REQUEST,
                        "The body is missing, not UTF-8 or not JSON, has a duplicate key or a number no decimal holds"),
                new DocumentedType(ProblemTypes.of("json-limit"), HttpStatus.BAD_REQUEST,
                        "JSON over a limit of `paymon.json`: nesting depth, length of a string or of a number"),
                new DocumentedType(ProblemTypes.of("too-large"), HttpStatus.CONTENT_TOO_LARGE,
                        "A body over `paymon.publisher.max-body-size`, or a batch over "
                                + "`paymon.publisher.batch.max-items`"),
                new DocumentedType(ProblemTypes.of("too-many-simulations"), HttpStatus.CONFLICT,
                        "As many simulations as `paymon.publisher.simulation.max-running` are running"),
                new DocumentedType(ProblemTypes.of("rate-limited"), HttpStatus.TOO_MANY_REQUESTS,
                        "The API key is over its rate limit; `Retry-After` tells when to retry"),
                new DocumentedType(ProblemTypes.of("too-many-in-flight"), HttpStatus.TOO_MANY_REQUESTS,
                        "The API key has as many publishing requests in progress as one key may have; `Retry-After`"),
                new DocumentedType(ProblemTypes.of("overloaded"), HttpStatus.SERVICE_UNAVAILABLE,
                        "The publisher works on as many publishing requests as it admits; nothing was published, "
                                + "`Retry-After`"),
                new DocumentedType(ProblemTypes.of("shutting-down"), HttpStatus.SERVICE_UNAVAILABLE,
                        "This instance is shutting down; nothing was published, `Retry-After`"),
                new DocumentedType(ProblemTypes.of("kafka-unavailable"), HttpStatus.SERVICE_UNAVAILABLE,
                        "Kafka did not take the event within the send timeout; nothing was acknowledged, retry with "
                                + "the same ids after `Retry-After`"),
                new DocumentedType(ProblemTypes.forStatus(HttpStatus.SERVICE_UNAVAILABLE),
                        HttpStatus.SERVICE_UNAVAILABLE, "A simulation asked to start while the publisher shuts down"),
                new DocumentedType(ProblemTypes.of("internal"), HttpStatus.INTERNAL_SERVER_ERROR,
                        "An unexpected error in a publisher endpoint; the log has the details")));
    }
}
