package dev.paymon.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Configuration property names a service knows, compared the way Spring Boot's relaxed binding compares an
 * environment variable with a property: {@code SPRING_KAFKA_BOOTSTRAPSERVERS} is {@code spring.kafka.bootstrap-servers}
 * (underscores separate the elements, dashes are dropped, case is ignored; a numeric element is a list index).
 * Properties of a map or list type are open: they take any name below them, e.g.
 * {@code SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS}.
 *
 * <p>Only the form Boot documents for environment variables is accepted: {@code PAYMON_TOPICS_REPLICATION_FACTOR}
 * would read as {@code paymon.topics.replication.factor} and is rejected even where Boot's legacy fallback might
 * still bind it.
 */
final class PropertyCatalog {

    private final Set<String> exact = new HashSet<>();
    private final Set<String> open = new HashSet<>();

    /** A property taking one value, e.g. {@code spring.kafka.bootstrap-servers} or {@code paymon.topics.replicationFactor}. */
    PropertyCatalog add(String propertyName) {
        exact.add(canonical(propertyName));
        return this;
    }

    /** A map- or list-typed property: names below it are accepted too. */
    PropertyCatalog addOpen(String propertyName) {
        String name = canonical(propertyName);
        exact.add(name);
        open.add(name);
        return this;
    }

    PropertyCatalog addAll(PropertyCatalog other) {
        exact.addAll(other.exact);
        open.addAll(other.open);
        return this;
    }

    int size() {
        return exact.size();
    }

    /** Whether Boot binds the environment variable to a property of this catalog. */
    boolean bindsEnvironmentVariable(String variable) {
        String name = String.join(".", List.of(variable.toLowerCase(Locale.ROOT).split("_", -1)));
        if (exact.contains(name)) {
            return true;
        }
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            if (open.contains(name.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    /** Elements lower-cased without dashes, {@code [0]} as {@code .0}: the form shared by all spellings. */
    static String canonical(String propertyName) {
        return propertyName.replaceAll("\\[(\\w+)]", ".$1").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
