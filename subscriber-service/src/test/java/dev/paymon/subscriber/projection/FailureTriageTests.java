package dev.paymon.subscriber.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventDecodingException;
import dev.paymon.events.FieldViolation;
import dev.paymon.events.InvalidEventException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;

class FailuresTests {

    private static final ConsumerRecord<String, byte[]> RECORD =
            new ConsumerRecord<>("payments.enriched.v1", 3, 42L, "acc-1", new byte[] {1});

    @Test
    void deadLettersAValueThatFailsValidationAsInvalidEvent() {
        InvalidEventException invalid = new InvalidEventException(List.of(
                new FieldViolation("amountBase", "must be greater than 0"),
                new FieldViolation("status", "must not be null")));

        assertThat(FailureTriage.deadLetter(RECORD, listenerFailed(deserializationFailed(invalid)))).isEqualTo(
                new DeadLetter(DeadLetterReason.INVALID_EVENT, "validate",
                        "amountBase: must be greater than 0; status: must not be null",
                        "payments.enriched.v1", 3, 42L));
    }

    @Test
    void deadLettersBytesThatAreNoEventAsUndecodableWithTheDecodersReason() {
        EventDecodingException notJson = new EventDecodingException("not JSON: Unexpected character");

        assertThat(FailureTriage.deadLetter(RECORD, listenerFailed(deserializationFailed(notJson)))).isEqualTo(
                new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "not JSON: Unexpected character",
                        "payments.enriched.v1", 3, 42L));
    }

    @Test
    void deadLettersAnyOtherFailureAsProcessingErrorWithItsRootCause() {
        Exception failure = listenerFailed(new IllegalStateException("wrapper", new ArithmeticException("overflow")));

        assertThat(FailureTriage.deadLetter(RECORD, failure)).isEqualTo(new DeadLetter(DeadLetterReason.PROCESSING_ERROR,
                "project", "java.lang.ArithmeticException: overflow", "payments.enriched.v1", 3, 42L));
    }

    @Test
    void treatsAnAbsentBusyOrRefusingDatabaseAsTheDatabasesFault() {
        List<Exception> transientFailures = List.of(
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")),
                new CannotCreateTransactionException("cannot begin"),
                new UncategorizedSQLException("insert", "INSERT", new SQLException("lock timeout", "55P03")),
                new UncategorizedSQLException("insert", "INSERT", new SQLException("deadlock detected", "40P01")),
                new UncategorizedSQLException("insert", "INSERT", new SQLException("shutting down", "57P01")),
                new UncategorizedSQLException("insert", "INSERT", new SQLException("H2 lock timeout", "HYT00")),
                new SQLTransientConnectionException("pool exhausted"),
                new BadSqlGrammarException("insert", "INSERT", new SQLException("permission denied", "42501")),
                new UncategorizedSQLException("insert", "INSERT",
                        new SQLException("cannot execute INSERT in a read-only transaction", "25006")),
                new BadSqlGrammarException("select", "SELECT", new SQLException("no such table", "42P01")),
                new BadSqlGrammarException("select", "SELECT", new SQLException("H2: table not found", "42S02")),
                new UncategorizedSQLException("insert", "INSERT", new SQLException("H2: not enough rights", "90096")),
                new UncategorizedSQLException("insert", "INSERT", new SQLException("password failed", "28P01")));

        assertThat(transientFailures).allSatisfy(failure ->
                assertThat(FailureTriage.isDatabaseFault(listenerFailed(failure))).as(failure.toString()).isTrue());
    }

    @Test
    void treatsFailuresCausedByTheRecordOrTheCodeAsNotTheDatabases() {
        List<Exception> permanentFailures = List.of(
                new DataIntegrityViolationException("value too long", new SQLException("too long", "22001")),
                new DataIntegrityViolationException("not null", new SQLException("null value", "23502")),
                new BadSqlGrammarException("select", "SELECT", new SQLException("syntax error", "42601")),
                new UncategorizedSQLException("insert", "INSERT", new SQLException("odd", (String) null)),
                new IllegalStateException("bug"));

        assertThat(permanentFailures).noneSatisfy(failure ->
                assertThat(FailureTriage.isDatabaseFault(listenerFailed(failure))).isTrue());
    }

    private static DeserializationException deserializationFailed(Exception cause) {
        return new DeserializationException("failed to deserialize", new byte[] {1}, false, cause);
    }

    private static ListenerExecutionFailedException listenerFailed(Exception cause) {
        return new ListenerExecutionFailedException("Listener failed", cause);
    }
}
