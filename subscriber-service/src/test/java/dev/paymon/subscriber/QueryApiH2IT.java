package dev.paymon.subscriber;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The account queries and the rebuild on H2 in PostgreSQL mode with the local default's options, in memory. */
class QueryApiH2IT extends QueryApiContract {

    private static final String GROUP = "paymon-subscriber-queries-h2-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + GROUP
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }
}
