package dev.paymon.subscriber;

import dev.paymon.testing.TestPostgres;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The account queries and the rebuild on PostgreSQL, in a schema of its own. */
class QueryApiPostgresIT extends QueryApiContract {

    private static final String GROUP = "paymon-subscriber-queries-pg-" + UUID.randomUUID();

    private static TestPostgres.Database database;

    @BeforeAll
    static void database() {
        database = TestPostgres.newSchema();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        SubscriberDatabase.register(registry, database);
    }
}
