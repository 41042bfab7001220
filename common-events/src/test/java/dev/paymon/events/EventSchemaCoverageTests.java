package dev.paymon.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The schemas and the records agree field by field. The fields are read from the records themselves, so adding a
 * record field without describing it in the schema (or leaving a stale one in the schema) fails here.
 */
class EventSchemaCoverageTests {

    /** One record field of an event (nested ones by path); {@code requiredByRecord}: the constructor rejects null. */
    record Field(EventType<?> type, List<String> path, Class<?> javaType, boolean requiredByRecord) {

        String location() {
            return "/" + String.join("/", path);
        }

        String parentLocation() {
            return path.size() == 1 ? "" : "/" + String.join("/", path.subList(0, path.size() - 1));
        }

        String name() {
            return path.get(path.size() - 1);
        }

        @Override
        public String toString() {
            return type.type() + " " + String.join(".", path);
        }
    }

    static Stream<Field> fields() {
        return EventTypes.ALL.stream().flatMap(type -> fieldsOf(type, (Record) Samples.of(type), List.of()));
    }

    static Stream<Field> fieldsTheRecordRequires() {
        return fields().filter(Field::requiredByRecord);
    }

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    void schemaDeclaresExactlyTheRecordFieldsAndSchemaVersion(EventType<?> type) {
        JsonNode document = JsonSchemas.document(type.schemaResource());
        List<String> declared = new ArrayList<>(document.get("properties").propertyNames());
        if (document.has("$ref")) {
            declared.addAll(document.at(document.get("$ref").asString().substring(1) + "/properties").propertyNames());
        }
        List<String> expected = new ArrayList<>(Arrays.stream(type.javaType().getRecordComponents())
                .map(RecordComponent::getName).toList());
        expected.add(EventJson.VERSION_FIELD);

        assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("fieldsTheRecordRequires")
    void schemaRequiresEveryFieldTheRecordRequires(Field field) {
        ObjectNode json = sample(field.type());
        ((ObjectNode) json.at(field.parentLocation())).remove(field.name());

        assertThat(JsonSchemas.errors(field.type().schemaResource(), json))
                .containsExactly(field.parentLocation() + " required " + field.name());
    }

    @ParameterizedTest
    @MethodSource("fields")
    void schemaRejectsEveryFieldOfTheWrongJsonType(Field field) {
        ObjectNode json = sample(field.type());
        ((ObjectNode) json.at(field.parentLocation())).set(field.name(), wrongJsonType(field.javaType()));

        assertThat(JsonSchemas.errors(field.type().schemaResource(), json)).isNotEmpty()
                .allSatisfy(error -> assertThat(error).startsWith(field.location() + " "));
    }

    /** A JSON value the field must never hold: money and times as numbers, text as a number, counts as text. */
    private static JsonNode wrongJsonType(Class<?> javaType) {
        if (javaType == BigDecimal.class) {
            return EventJson.MAPPER.getNodeFactory().numberNode(new BigDecimal("1000.00"));
        }
        if (javaType == Instant.class) {
            return EventJson.MAPPER.getNodeFactory().numberNode(1_741_944_413_589L);
        }
        if (javaType == String.class) {
            return EventJson.MAPPER.getNodeFactory().numberNode(42);
        }
        if (javaType.isEnum()) {
            return StringNode.valueOf("NOT_A_CONSTANT");
        }
        return StringNode.valueOf("3");
    }

    private static Stream<Field> fieldsOf(EventType<?> type, Record sample, List<String> prefix) {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        return IntStream.range(0, components.length).boxed().flatMap(index -> {
            RecordComponent component = components[index];
            List<String> path = Stream.concat(prefix.stream(), Stream.of(component.getName())).toList();
            Field field = new Field(type, path, component.getType(), rejectsNull(sample, index));
            Object value = valueOf(sample, component);
            Stream<Field> nested = value instanceof Record record ? fieldsOf(type, record, path) : Stream.empty();
            return Stream.concat(Stream.of(field), nested);
        });
    }

    /**
     * Whether the record's constructor refuses {@code null} for one component. Primitives are always written and
     * required, unless absence reads as their default ({@code @JsonSetter(nulls = AS_EMPTY)}, a field added within a
     * version).
     */
    private static boolean rejectsNull(Record sample, int index) {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        if (components[index].getType().isPrimitive()) {
            // The annotation reaches the record's field (its @Target has no RECORD_COMPONENT).
            JsonSetter setter;
            try {
                setter = sample.getClass().getDeclaredField(components[index].getName()).getAnnotation(JsonSetter.class);
            } catch (NoSuchFieldException e) {
                throw new AssertionError(e);
            }
            return setter == null || setter.nulls() != Nulls.AS_EMPTY;
        }
        Object[] values = Arrays.stream(components).map(component -> valueOf(sample, component)).toArray();
        values[index] = null;
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = sample.getClass().getDeclaredConstructor(types);
            constructor.newInstance(values);
            return false;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidEventException) {
                return true;
            }
            throw new AssertionError("unexpected failure constructing " + sample.getClass(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object valueOf(Record sample, RecordComponent component) {
        try {
            return component.getAccessor().invoke(sample);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode sample(EventType<?> type) {
        return (ObjectNode) EventJson.MAPPER.readTree(Samples.json(type));
    }
}
