package dev.paymon.support.openapi;

import dev.paymon.support.web.ProblemTypes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

/**
 * The problem details (RFC 9457) of a service in its OpenAPI document: a {@code Problem} schema whose {@code type}
 * lists every problem type the service answers ({@link #COMMON} and the service's own), that schema on every
 * {@code application/problem+json} response that names none, and on every operation the 401 and 403 of the API-key
 * security ({@code ApiSecurityConfiguration}: every {@code /api/v1} call needs a key, every endpoint a role). A service
 * declares one as an {@link OpenApiCustomizer} bean; the responses of an operation are then sorted by status.
 */
public final class ProblemDocumentation implements OpenApiCustomizer {

    public static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    public static final String SCHEMA = "Problem";
    public static final String FIELD_VIOLATION = "FieldViolation";

    private static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    /** A problem type, its status, and when the service answers it. */
    public record DocumentedType(URI type, HttpStatus status, String when) {
    }

    /** The types named after their status that every service answers through this support. */
    public static final List<DocumentedType> COMMON = List.of(
            new DocumentedType(ProblemTypes.forStatus(HttpStatus.BAD_REQUEST), HttpStatus.BAD_REQUEST,
                    "A request Spring MVC or Tomcat itself refuses: a parameter of the wrong type, a malformed URI "
                            + "(an encoded `/`, `\\` or NUL, bad percent-encoding), a request line or headers too "
                            + "long"),
            new DocumentedType(ProblemTypes.forStatus(HttpStatus.UNAUTHORIZED), HttpStatus.UNAUTHORIZED,
                    "No API key, or one the service does not know (the same answer for both), with "
                            + "`WWW-Authenticate: Bearer realm=\"paymon\"`"),
            new DocumentedType(ProblemTypes.forStatus(HttpStatus.FORBIDDEN), HttpStatus.FORBIDDEN,
                    "The API key does not hold the role the call needs"),
            new DocumentedType(ProblemTypes.forStatus(HttpStatus.NOT_FOUND), HttpStatus.NOT_FOUND,
                    "No such resource, or no such path"),
            new DocumentedType(ProblemTypes.forStatus(HttpStatus.METHOD_NOT_ALLOWED), HttpStatus.METHOD_NOT_ALLOWED,
                    "The path does not take this method"),
            new DocumentedType(ProblemTypes.forStatus(HttpStatus.NOT_ACCEPTABLE), HttpStatus.NOT_ACCEPTABLE,
                    "`Accept` names no media type the call answers"),
            new DocumentedType(ProblemTypes.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body's `Content-Type` is not one the call takes"),
            new DocumentedType(ProblemTypes.forStatus(HttpStatus.INTERNAL_SERVER_ERROR),
                    HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error; the service logs it, the answer tells "
                            + "nothing more"));

    private final List<DocumentedType> types;

    /** @param own the service's own problem types, besides {@link #COMMON} */
    public ProblemDocumentation(List<DocumentedType> own) {
        this.types = Stream.concat(own.stream(), COMMON.stream())
                .sorted(Comparator.comparing((DocumentedType type) -> type.status().value())
                        .thenComparing(type -> type.type().toString()))
                .toList();
    }

    /** The types documented, by status. */
    public List<DocumentedType> types() {
        return types;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(SCHEMA, problemSchema());
        if (api.getComponents().getSchemas().get(FIELD_VIOLATION) == null) {
            api.getComponents().addSchemas(FIELD_VIOLATION, new ObjectSchema()
                    .description("One invalid field or parameter.")
                    .addProperty("field", new StringSchema().description("The field or query parameter"))
                    .addProperty("message", new StringSchema().description("What is wrong with it"))
                    .required(List.of("field", "message")));
        }
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .forEach(this::document);
    }

    private void document(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (!responses.containsKey("401")) {
            responses.addApiResponse("401", problem("No valid API key (type `unauthorized`); send it as "
                    + "`X-API-Key: <key>` or `Authorization: Bearer <key>`")
                    .addHeaderObject("WWW-Authenticate", new Header()
                            .description("`Bearer realm=\"paymon\"`").schema(new StringSchema())));
        }
        if (!responses.containsKey("403")) {
            responses.addApiResponse("403", problem("The API key does not hold the role this call needs "
                    + "(type `forbidden`)"));
        }
        responses.values().forEach(ProblemDocumentation::referenceProblemSchema);
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(response -> sorted.addApiResponse(response.getKey(), response.getValue()));
        sorted.setExtensions(responses.getExtensions());
        operation.setResponses(sorted);
    }

    /** A response answered with a problem detail. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref(SCHEMA_REF))));
    }

    private static void referenceProblemSchema(ApiResponse response) {
        if (response.getContent() == null) {
            return;
        }
        MediaType problem = response.getContent().get(MEDIA_TYPE);
        if (problem != null && problem.getSchema() == null) {
            problem.setSchema(new Schema<>().$ref(SCHEMA_REF));
        }
    }

    private Schema<?> problemSchema() {
        List<String> rows = new ArrayList<>();
        rows.add("| type | status | when |");
        rows.add("| --- | --- | --- |");
        types.forEach(type -> rows.add("| `" + type.type() + "` | " + type.status().value() + " | "
                + type.when().replace("|", "\\|") + " |"));
        return new ObjectSchema()
                .description("A problem detail (RFC 9457), the body of every error answer, as "
                        + "`application/problem+json`. Clients tell problems apart by `type`.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("What went wrong; one of these (a client should treat a type it does not know "
                                + "by its status):\n\n" + rows.stream().collect(Collectors.joining("\n")))
                        .example(types.get(0).type().toString()))
                .addProperty("title", new StringSchema().description("A short summary of the type"))
                .addProperty("status", new IntegerSchema().description("The HTTP status of the answer"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The path of the request"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/"
                                + FIELD_VIOLATION))
                        .description("With type `validation`: every invalid field or parameter"))
                .required(List.of("type", "title", "status"));
    }
}
