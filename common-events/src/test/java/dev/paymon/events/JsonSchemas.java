package dev.paymon.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Loads the event JSON Schemas from the classpath and validates JSON against them, as any other reader would. */
final class JsonSchemas {

    static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    // Format assertions on: in draft 2020-12 "format" is only an annotation unless a validator opts in.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private JsonSchemas() {
    }

    /** The resource of one version of a type's schema; the current one is {@link EventType#schemaResource()}. */
    static String resource(EventType<?> type, int version) {
        return "/schemas/" + type.type() + ".v" + version + ".schema.json";
    }

    /** The schema document as JSON, or {@code null} when the resource does not exist. */
    static JsonNode document(String resource) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            return in == null ? null : EventJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiled schema, with every reference resolved (an unresolvable one fails here). */
    static Schema schema(String resource) {
        JsonNode document = document(resource);
        if (document == null) {
            throw new AssertionError("no schema resource " + resource);
        }
        Schema schema = REGISTRY.getSchema(document);
        schema.initializeValidators();
        return schema;
    }

    /**
     * The errors of validating {@code json} against a schema resource, each as {@code "<instance location> <keyword>"}
     * with the missing property appended for {@code required}: {@code "/amount type"}, {@code " required channel"}.
     */
    static List<String> errors(String resource, byte[] json) {
        return errors(schema(resource), EventJson.MAPPER.readTree(json));
    }

    static List<String> errors(String resource, JsonNode json) {
        return errors(schema(resource), json);
    }

    /** The errors of a schema document against the draft 2020-12 meta-schema. */
    static List<String> metaSchemaErrors(JsonNode document) {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));
        return errors(meta, document);
    }

    /** The file names in the schema resource directory. */
    static List<String> files() {
        try (Stream<Path> files = Files.list(Path.of(JsonSchemas.class.getResource("/schemas").toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> errors(Schema schema, JsonNode json) {
        return schema.validate(json).stream().map(JsonSchemas::describe).toList();
    }

    private static String describe(Error error) {
        String where = error.getInstanceLocation() + " " + error.getKeyword();
        return "required".equals(error.getKeyword()) ? where + " " + error.getProperty() : where;
    }
}
