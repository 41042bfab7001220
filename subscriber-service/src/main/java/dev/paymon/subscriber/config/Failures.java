package dev.paymon.subscriber.config;

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

/** Sorts consumer failures: what the database will get over, and why a record is dead-lettered. */
final class Failures {

    /** Failures that say nothing about the record: the database is away or busy for a while. */
    private static final List<Class<? extends Throwable>> TRANSIENT_DATABASE = List.of(
            TransientDataAccessException.class, RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            SQLTransientException.class, SQLRecoverableException.class);

    /**
     * SQL states of the same kind, for drivers whose exceptions Spring leaves uncategorized
     * (PostgreSQL's lock timeout arrives as an {@code UncategorizedSQLException}): connection
     * exceptions (08), transaction rollbacks such as deadlocks (40), insufficient resources (53),
     * operator intervention such as a shutdown (57), lock not available (55P03), H2's lock timeout (HYT00).
     */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "40", "53", "57");
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "HYT00");

    /** Failures to turn the record into an event: its bytes are not a readable event. */
    private static final List<Class<? extends Throwable>> UNDECODABLE = List.of(
            DeserializationException.class, EventDecodingException.class,
            MessageConversionException.class, MethodArgumentResolutionException.class);

    private Failures() {
    }

    /** Whether the database failed for a while rather than for this record: worth retrying. */
    static boolean isTransientDatabaseError(Throwable failure) {
        if (find(failure, TRANSIENT_DATABASE) != null) {
            return true;
        }
        SQLException sql = (SQLException) find(failure, List.of(SQLException.class));
        String state = sql == null ? null : sql.getSQLState();
        return state != null && state.length() == 5
                && (TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state));
    }

    /** The dead-letter headers for a record that failed with {@code failure}. */
    static DeadLetter deadLetter(ConsumerRecord<?, ?> record, Throwable failure) {
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

    static Throwable rootCause(Throwable failure) {
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
