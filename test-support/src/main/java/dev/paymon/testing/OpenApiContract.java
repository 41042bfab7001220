package dev.paymon.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Checks a service's OpenAPI document against the running service and its code: the document is valid OpenAPI
 * ({@link #messages()}, from swagger-parser), it has every operation and parameter the service maps
 * ({@link #operations()} against {@link #mappedOperations}, {@link #parameters()} against {@link #mappedParameters}),
 * each with its 2xx answer ({@link #operationsWithoutSuccess()}), and it names every problem type the code can answer
 * ({@link #mentions} of what {@link ProblemTypeUses#in} finds). Used by the services' integration tests, which supply
 * spring-webmvc and swagger-parser.
 */
public final class OpenApiContract {

    private final String json;
    private final SwaggerParseResult result;

    private OpenApiContract(String json, SwaggerParseResult result) {
        this.json = json;
        this.result = result;
    }

    /** Reads the document (JSON, as {@code /v3/api-docs} serves it) with swagger-parser. */
    public static OpenApiContract parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenApiContract(json, new OpenAPIV3Parser().readContents(json, null, options));
    }

    /** What the parser found wrong: errors against the OpenAPI specification, unknown members, bad references. */
    public List<String> messages() {
        return result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
    }

    /** Every operation of the document's paths, as {@code GET /api/v1/payments/{paymentId}}. */
    public SortedSet<String> operations() {
        OpenAPI api = result.getOpenAPI();
        SortedSet<String> operations = new TreeSet<>();
        if (api == null || api.getPaths() == null) {
            return operations;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> operations.add(method.name() + " " + path)));
        return operations;
    }

    /** The operations of {@link #operations()} that document no 2xx answer. */
    public SortedSet<String> operationsWithoutSuccess() {
        OpenAPI api = result.getOpenAPI();
        SortedSet<String> operations = new TreeSet<>();
        if (api == null || api.getPaths() == null) {
            return operations;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getResponses() == null
                    || operation.getResponses().keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                operations.add(method.name() + " " + path);
            }
        }));
        return operations;
    }

    /**
     * Every parameter of the document's operations, as {@code GET /api/v1/alerts query limit} ({@code path},
     * {@code query} or {@code header}).
     */
    public SortedSet<String> parameters() {
        OpenAPI api = result.getOpenAPI();
        SortedSet<String> parameters = new TreeSet<>();
        if (api == null || api.getPaths() == null) {
            return parameters;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> parameters.add(method.name() + " " + path + " "
                        + parameter.getIn() + " " + parameter.getName()));
            }
        }));
        return parameters;
    }

    /**
     * Whether the text (e.g. a problem type URI) appears anywhere in the document, as a whole: not followed by a
     * letter, digit, {@code -}, {@code _} or {@code /} ({@code .../not-found} is not in {@code .../not-found-here}).
     */
    public boolean mentions(String text) {
        return Pattern.compile(Pattern.quote(text) + "(?![\\w/-])").matcher(json).find();
    }

    /** Writes the document as served, e.g. to {@code target/openapi.json} for an outside linter. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every {@code @PathVariable}, {@code @RequestParam} and {@code @RequestHeader} of the handler methods
     * {@link #mappedOperations} finds, as {@link #parameters()} writes them.
     */
    public static SortedSet<String> mappedParameters(ApplicationContext context, String packagePrefix) {
        SortedSet<String> parameters = new TreeSet<>();
        handlers(context, packagePrefix, (operation, method) -> {
            for (MethodParameter parameter : method.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                String named = named(parameter);
                if (named != null) {
                    parameters.add(operation + " " + named);
                }
            }
        });
        return parameters;
    }

    private static String named(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (path != null) {
            return "path " + (path.name().isEmpty() ? parameter.getParameterName() : path.name());
        } else if (query != null) {
            return "query " + (query.name().isEmpty() ? parameter.getParameterName() : query.name());
        } else if (header != null) {
            return "header " + (header.name().isEmpty() ? parameter.getParameterName() : header.name());
        }
        return null;
    }

    /**
     * Every operation the context's {@link RequestMappingHandlerMapping}s map to handler methods of classes whose name
     * starts with {@code packagePrefix}, as {@code METHOD /path/{variable}}; {@code ANY /path} for a mapping without
     * methods.
     */
    public static SortedSet<String> mappedOperations(ApplicationContext context, String packagePrefix) {
        SortedSet<String> operations = new TreeSet<>();
        handlers(context, packagePrefix, (operation, method) -> operations.add(operation));
        return operations;
    }

    /** Calls {@code each} with every operation ({@code METHOD /path}) and its handler method. */
    private static void handlers(ApplicationContext context, String packagePrefix,
                                 BiConsumer<String, HandlerMethod> each) {
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> {
                    if (!ClassUtils.getUserClass(method.getBeanType()).getName().startsWith(packagePrefix)) {
                        return;
                    }
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (String path : info.getPatternValues()) {
                        if (methods.isEmpty()) {
                            each.accept("ANY " + path, method);
                        }
                        methods.forEach(requestMethod -> each.accept(requestMethod.name() + " " + path, method));
                    }
                }));
    }
}
