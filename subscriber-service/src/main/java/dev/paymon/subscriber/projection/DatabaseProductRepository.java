package dev.paymon.subscriber.projection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which database the service runs on, for the few statements that differ: PostgreSQL answers
 * {@code INSERT ... RETURNING}, {@code ON CONFLICT DO UPDATE} and {@code LOCK TABLE}, which H2 2.x does not. Asked on
 * first use.
 */
@Repository
public class DatabaseProductRepository {

    private final JdbcTemplate template;
    private volatile Boolean postgres;

    public DatabaseProductRepository(JdbcTemplate template) {
        this.template = template;
    }

    public boolean isPostgres() {
        if (postgres == null) {
            postgres = template.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }
}
