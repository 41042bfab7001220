package dev.paymon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The schema files themselves: one per version of every event type, each a valid draft 2020-12 schema. */
class EventSchemaFilesTests {

    static Stream<String> schemaFiles() {
        return JsonSchemas.files().stream();
    }

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    void currentSchemaResourceOfEveryEventTypeExists(EventType<?> type) {
        assertThat(type.schemaResource()).isEqualTo(JsonSchemas.resource(type, type.version()));
        assertThat(JsonSchemas.document(type.schemaResource())).as(type.schemaResource()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    void everyVersionAReaderAcceptsHasASchemaDeclaringThatVersion(EventType<?> type) {
        for (int version = 1; version <= type.version(); version++) {
            JsonNode document = JsonSchemas.document(JsonSchemas.resource(type, version));
            assertThat(document).as(JsonSchemas.resource(type, version)).isNotNull();
            JsonNode schemaVersion = document.at("/properties/schemaVersion");
            assertThat(schemaVersion.get("type").asString()).isEqualTo("integer");
            assertThat(schemaVersion.get("const").asInt()).isEqualTo(version);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    void currentVersionRequiresSchemaVersionBecauseEveryWriterWritesIt(EventType<?> type) {
        JsonNode required = JsonSchemas.document(type.schemaResource()).get("required");

        assertThat(required.values()).map(JsonNode::asString).contains(EventJson.VERSION_FIELD);
    }

    @Test
    void schemaDirectoryHoldsExactlyOneFilePerVersionOfEveryEventType() {
        List<String> expected = EventTypes.ALL.stream()
                .flatMap(type -> IntStream.rangeClosed(1, type.version())
                        .mapToObj(version -> JsonSchemas.resource(type, version).substring("/schemas/".length())))
                .sorted()
                .toList();

        assertThat(JsonSchemas.files()).isEqualTo(expected).contains(
                "dev.paymon.fx-rate.updated.v1.schema.json", "dev.paymon.fx-rate.updated.v2.schema.json");
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaFileIsAValidDraft202012Schema(String file) {
        JsonNode document = JsonSchemas.document("/schemas/" + file);

        assertThat(document.get("$schema").asString()).isEqualTo(JsonSchemas.META_SCHEMA);
        assertThat(document.get("$id").asString()).endsWith("/" + file);
        assertThat(JsonSchemas.metaSchemaErrors(document)).isEmpty();
        assertThat(JsonSchemas.schema("/schemas/" + file).getSchemaNode()).isEqualTo(document);
    }

    @Test
    void metaSchemaCheckRejectsAnInvalidSchema() {
        JsonNode invalid = EventJson.MAPPER.readTree("""
                {"type": "money", "required": "amount", "properties": {"amount": {"pattern": "[0-9"}}}
                """);

        assertThat(JsonSchemas.metaSchemaErrors(invalid)).containsExactlyInAnyOrder(
                "/type enum", "/type type", "/required type", "/properties/amount/pattern format");
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaLeavesAdditionalPropertiesOpenSoReadersTolerateAdditiveChanges(String file) {
        JsonNode document = JsonSchemas.document("/schemas/" + file);

        assertThat(document.get("additionalProperties").asBoolean()).isTrue();
        assertThat(document.get("description").asString()).contains("readers ignore properties they do not know");
    }

    @Test
    void sharedDefinitionsAreIdenticalInEverySchemaFile() {
        Map<String, List<JsonNode>> definitions = new HashMap<>();
        for (String file : JsonSchemas.files()) {
            JsonSchemas.document("/schemas/" + file).get("$defs").forEachEntry((name, definition) ->
                    definitions.computeIfAbsent(name, n -> new ArrayList<>()).add(definition));
        }

        assertThat(definitions.get("paymentInitiated")).hasSize(2);
        definitions.forEach((name, copies) ->
                assertThat(copies).as("$defs/" + name).allSatisfy(copy -> assertThat(copy).isEqualTo(copies.get(0))));
    }
}
