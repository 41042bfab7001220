package dev.paymon.subscriber;

import dev.paymon.testing.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test's subscriber at a PostgreSQL schema of its own: datasource and Flyway. */
public final class SubscriberDatabase {

    private SubscriberDatabase() {
    }

    /** Registers the datasource and Flyway properties of {@code database} (read when the context starts). */
    public static void register(DynamicPropertyRegistry registry, TestPostgres.Database database) {
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.flyway.default-schema", database::schema);
        registry.add("spring.flyway.schemas", database::schema);
    }
}
