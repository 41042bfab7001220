package dev.paymon.subscriber.projection;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventDecodingException;
import dev.paymon.events.InvalidEventException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Sorts consumer failures: what is the database's fault (retried until it answers again, never dead-lettered), and
 * why a record is dead-lettered (its own fault only).
 */
public final class FailureTriage {

    /** Failures that say nothing about the record: the database is away or busy for a while. */
    private static final List<Class<? extends Throwable>> TRANSIENT_DATABASE = List.of(
            TransientDataAccessException.class, RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            SQLTransientException.class, SQLRecoverableException.class);

    /**
     * SQL states that say nothing about the record either, for drivers whose exceptions Spring leaves uncategorized
     * (PostgreSQL's lock timeout arrives as an {@code UncategorizedSQLException}), by class: connection exceptions
     * (08), invalid authorization (28), invalid catalog or schema (3D, 3F), transaction rollbacks such as deadlocks
     * (40), insufficient resources (53), operator intervention such as a shutdown (57), system errors (58); and
     * single states: a read-only transaction, as after a failover to a standby (25006), permission denied (42501), a
     * missing table (42P01; 42S02 on H2), lock not available (55P03), and H2's lock timeout
     * (HYT00), missing rights (90096), read-only database (90097) and closed database (90098). A record's own faults
     * are the others, e.g. data exceptions (22), integrity violations (23) and a query the schema does not
     * fit, such as an unknown column (42703).
     */
    private static final Set<String> DATABASE_STATE_CLASSES = Set.of("08", "28", "3D", "3F", "40", "53", "57", "58");
    private static final Set<String> DATABASE_STATES = Set.of("25006", "42501", "42P01", "42S02", "55P03", "HYT00",
            "90096", "90097", "90098");

    /** Failures to turn the record into an event: its bytes are not a readable event. */
    private static final List<Class<? extends Throwable>> UNDECODABLE = List.of(
            DeserializationException.class, EventDecodingException.class,
            MessageConversionException.class, MethodArgumentResolutionException.class);

    private FailureTriage() {
    }

    /**
     * Whether the database failed, or refuses every write (permissions, read-only, a missing table), rather than
     * this record: worth retrying until it answers again.
     */
    public static boolean isDatabaseFault(Throwable failure) {
        if (find(failure, TRANSIENT_DATABASE) != null) {
            return true;
        }
        SQLException sql = (SQLException) find(failure, List.of(SQLException.class));
        String state = sql == null ? null : sql.getSQLState();
        return state != null && state.length() == 5
                && (DATABASE_STATE_CLASSES.contains(state.substring(0, 2)) || DATABASE_STATES.contains(state));
    }

    /** The dead-letter headers for a record that failed with {@code failure}. */
    public static DeadLetter deadLetter(ConsumerRecord<?, ?> record, Throwable failure) {
        if (find(failure, List.of(RefusedValueException.class)) instanceof RefusedValueException refused) {
            return deadLetter(record, refused.reason(), "project", refused.getMessage());
        }
        Throwable invalid = find(failure, List.of(InvalidEventException.class));
        if (invalid != null) {
            return deadLetter(record, DeadLetterReason.INVALID_EVENT, "validate", invalid.getMessage());
        }
        Throwable undecodable = find(failure, UNDECODABLE);
        if (undecodable != null) {
            // The deserializer's own exception says what is wrong with the bytes; the wrapper does not.
            Throwable cause = undecodable.getCause() == null ? undecodable : undecodable.getCause();
            return deadLetter(record, DeadLetterReason.UNDECODABLE, "decode", cause.getMessage());
        }
        Throwable root = rootCause(failure);
        return deadLetter(record, DeadLetterReason.PROCESSING_ERROR, "project",
                root.getClass().getName() + ": " + root.getMessage());
    }

    public static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static DeadLetter deadLetter(ConsumerRecord<?, ?> record, DeadLetterReason reason, String stage,
                                         String detail) {
        return new DeadLetter(reason, stage, detail, record.topic(), record.partition(), record.offset());
    }

    private static Throwable find(Throwable failure, List<Class<? extends Throwable>> types) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            if (types.stream().anyMatch(type -> type.isInstance(current))) {
                return current;
            }
        }
        return null;
    }
}
