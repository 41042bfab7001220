package dev.paymon.subscriber.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code projection_counts} table: running counts of what the projections store, kept in the transaction that
 * stores it, so that {@code GET /api/v1/stats} reads a few rows whatever the size of the tables and always agrees
 * with them. Counter names are a feature's prefix and a value: {@code payments.ACCEPTED}, {@code alerts.VELOCITY}.
 * Its SQL runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
 */
@Repository
public class ProjectionCountRepository {

    // Every counter the migrations know has a row; an UPDATE that finds none (a value of a later release) inserts.
    private static final String ADD = "UPDATE projection_counts SET n = n + ? WHERE counter = ?";
    private static final String INSERT = "INSERT INTO projection_counts (counter, n) VALUES (?, ?)";
    private static final String ALL = "SELECT counter, n FROM projection_counts";
    private static final String RESET = "UPDATE projection_counts SET n = 0 WHERE LEFT(counter, ?) = ?";

    private final JdbcTemplate template;

    public ProjectionCountRepository(JdbcTemplate template) {
        this.template = template;
    }

    /** Adds each delta to its counter, in the caller's transaction; sorted, so concurrent writers lock in one order. */
    public void add(Map<String, Long> deltas) {
        Map<String, Long> sorted = new TreeMap<>(deltas);
        sorted.values().removeIf(delta -> delta == 0);
        if (sorted.isEmpty()) {
            return;
        }
        List<String> counters = List.copyOf(sorted.keySet());
        int[] updated = template.batchUpdate(ADD, counters.stream()
                .map(counter -> new Object[] {sorted.get(counter), counter}).toList());
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(new Object[] {counters.get(i), sorted.get(counters.get(i))});
            }
        }
        if (!missing.isEmpty()) {
            template.batchUpdate(INSERT, missing);
        }
    }

    public void add(String counter, long delta) {
        add(Map.of(counter, delta));
    }

    /** Every counter with its count. */
    public Map<String, Long> all() {
        Map<String, Long> counts = new TreeMap<>();
        template.query(ALL, rs -> {
            counts.put(rs.getString("counter"), rs.getLong("n"));
        });
        return counts;
    }

    /** Sets the counters of a feature ({@code prefix}, e.g. {@code payments.}) back to 0, as for a rebuild. */
    public void reset(String prefix) {
        template.update(RESET, prefix.length(), prefix);
    }
}
