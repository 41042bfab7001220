package dev.paymon.subscriber.web;

import dev.paymon.support.openapi.ProblemDocumentation;
import dev.paymon.support.openapi.ProblemDocumentation.DocumentedType;
import dev.paymon.support.web.ProblemTypes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI document of the subscriber ({@code /v3/api-docs}, {@code /swagger-ui.html}, where "Authorize" takes a
 * key): title, description, the API-key scheme, and its problem details, every problem type the subscriber answers
 * ({@link ProblemDocumentation}; {@code OpenApiIT} checks the list against the code). The constants are the texts the
 * controllers' annotations share.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The security scheme; each operation names the role it needs as the requirement's scope (OpenAPI 3.1). */
    public static final String API_KEY = "apiKey";
    /** The roles of {@code ApiRole}, as {@code paymon.security.api-keys[n].roles} names them. */
    public static final String READ = "read";
    public static final String OPERATE = "operate";
    public static final String ADMIN = "admin";

    public static final String PROBLEM = ProblemDocumentation.MEDIA_TYPE;
    public static final String INVALID = "Invalid parameters (type `validation`); `errors` lists every one";
    public static final String DATABASE_UNAVAILABLE = "The database is not answering (type `database-unavailable`); "
            + "retry after `Retry-After` seconds";

    public static final String LINK = "Link";
    public static final String NEXT_PAGE = "Only on a full page: `<url>; rel=\"next\"` (RFC 8288), this request with "
            + "`limit` and the cursor set from the page's last item; follow it until a page comes without one";
    public static final String CURSOR = "The cursor of the next page, as the `Link` header of a full page sets it: the "
            + "id of the last item of the page before. Or an ISO-8601 instant, e.g. `2026-03-01T10:15:30Z`: the items "
            + "before it. Newest first, ties by id, so pages never overlap or skip items";
    public static final String LIMIT = "Items per page, a whole number from 1 to the maximum";
    public static final String INSTANT = "An ISO-8601 instant, e.g. `2026-03-01T10:15:30Z`, in the years 1 to 9999";

    @Bean
    OpenAPI subscriberApi() {
        return new OpenAPI().info(new Info()
                        .title("paymon subscriber")
                        .version("v1")
                        .description("""
                                Serves what the processor produced, as projected into the database: payments, fraud \
                                alerts, activity windows, account summaries and counts; a live stream of what is \
                                newly projected (Server-Sent Events); and the rebuild of every projection from Kafka.

                                **Security.** Every call needs an API key, sent as `X-API-Key: <key>` or \
                                `Authorization: Bearer <key>`: 401 without a valid one, 403 without the role the call \
                                needs: `read` for the queries and the stream, `operate` to acknowledge an alert, \
                                `admin` for the rebuild (each operation names its role as the scope of its security \
                                requirement).

                                **Paging.** The lists (alerts, an account's payments and its activity) answer at most \
                                `limit` items. A full page carries `Link: <url>; rel="next"` (RFC 8288), the same \
                                request with the cursor set from the page's last item (`before` for alerts and \
                                payments, `from` for activity): follow it until a page comes without one.

                                **Errors** are RFC 9457 problem details (`application/problem+json`, schema \
                                `Problem`, whose `type` lists every problem type of this service); a 400 names every \
                                bad parameter at once in `errors`; 429 and 503 carry `Retry-After`.

                                Money is a decimal string, times are ISO-8601 UTC instants."""))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                        .description("An API key; `Authorization: Bearer <key>` works as well. Roles: `read` "
                                + "(queries, stream), `operate` (acknowledge alerts), `admin` (rebuild).")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /** Every 429 and 503 answer of the subscriber says when to try again. */
    @Bean
    OpenApiCustomizer retryAfter() {
        Set<String> statuses = Set.of("429", "503");
        return api -> api.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .flatMap(operation -> operation.getResponses().entrySet().stream())
                .filter(response -> statuses.contains(response.getKey()))
                .forEach(response -> response.getValue().addHeaderObject("Retry-After", new Header()
                        .description("Seconds to wait before trying again").schema(new IntegerSchema())));
    }

    /** The subscriber's own problem types, besides those every service shares. */
    @Bean
    ProblemDocumentation subscriberProblems() {
        return new ProblemDocumentation(List.of(
                new DocumentedType(ProblemTypes.of("validation"), HttpStatus.BAD_REQUEST,
                        "Invalid query parameters or `Last-Event-ID`; `errors` lists every one"),
                new DocumentedType(ProblemTypes.of("history-incomplete"), HttpStatus.CONFLICT,
                        "A rebuild refused: retention removed records of projected topics (`partitions` lists them); "
                                + "`force=true` rebuilds from what is left"),
                new DocumentedType(ProblemTypes.of("too-many-streams"), HttpStatus.TOO_MANY_REQUESTS,
                        "The API key has `paymon.subscriber.stream.max-clients-per-key` streams open; `Retry-After`"),
                new DocumentedType(ProblemTypes.of("database-unavailable"), HttpStatus.SERVICE_UNAVAILABLE,
                        "The database is not answering; `Retry-After`"),
                new DocumentedType(ProblemTypes.of("kafka-unavailable"), HttpStatus.SERVICE_UNAVAILABLE,
                        "A rebuild cannot reach Kafka; nothing was changed, `Retry-After`"),
                new DocumentedType(ProblemTypes.of("stream-unavailable"), HttpStatus.SERVICE_UNAVAILABLE,
                        "The stream serves `paymon.subscriber.stream.max-clients` clients already, or the service is "
                                + "starting or stopping; `Retry-After`")));
    }
}
