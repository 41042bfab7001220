package dev.paymon.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The properties Spring Boot's modules declare in {@code META-INF/spring-configuration-metadata.json} and
 * {@code additional-spring-configuration-metadata.json}, read from the test classpath (which holds the services'
 * dependencies).
 */
final class BootConfigurationMetadata {

    private static final List<String> FILES = List.of("META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json");

    private BootConfigurationMetadata() {
    }

    static PropertyCatalog load() {
        PropertyCatalog catalog = new PropertyCatalog();
        ObjectMapper json = new ObjectMapper();
        ClassLoader classLoader = BootConfigurationMetadata.class.getClassLoader();
        try {
            for (String file : FILES) {
                for (URL url : Collections.list(classLoader.getResources(file))) {
                    try (InputStream in = url.openStream()) {
                        add(catalog, json.readValue(in, Map.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalog;
    }

    private static void add(PropertyCatalog catalog, Map<?, ?> metadata) {
        for (Object entry : Yamls.list(metadata.get("properties"))) {
            Map<String, Object> property = Yamls.map(entry);
            String name = Yamls.string(property.get("name"));
            String type = String.valueOf(property.get("type"));
            if (type.startsWith("java.util.Map") || type.startsWith("java.util.List") || type.startsWith("java.util.Set")
                    || type.startsWith("java.util.Collection") || type.endsWith("[]")) {
                catalog.addOpen(name);
            } else {
                catalog.add(name);
            }
        }
    }
}
