package dev.paymon.subscriber.projection;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Values as the projections' SQL binds and reads them, the same on PostgreSQL and on H2. */
public final class SqlValues {

    private SqlValues() {
    }

    /** An instant as a {@code TIMESTAMP WITH TIME ZONE} parameter, in UTC. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code VARCHAR ARRAY} column as a list, the array freed. */
    public static List<String> strings(Array array) throws SQLException {
        try {
            // PostgreSQL's driver returns String[], H2's Object[].
            return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
        } finally {
            array.free();
        }
    }
}
