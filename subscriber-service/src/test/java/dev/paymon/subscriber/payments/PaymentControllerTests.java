package dev.paymon.subscriber.payments;

import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import dev.paymon.subscriber.WebSliceSecurity;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The HTTP mapping of the payment query: JSON shape, and errors as RFC 9457 problems. */
@WebMvcTest(PaymentController.class)
@Import(WebSliceSecurity.class)
class PaymentControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PaymentRepository payments;

    @Test
    void answersAStoredPaymentWithMoneyAsStringsAndTimesInUtc() {
        given(payments.find("pay-1")).willReturn(Optional.of(StoredPayment.from(
                payment("pay-1", "acc-1", "12.5", "EUR", "12.5", List.of("alert-1")))));

        assertThat(mvc.get().uri("/api/v1/payments/pay-1"))
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"paymentId": "pay-1", "accountId": "acc-1", "amount": "12.50", "currency": "EUR",
                         "amountBase": "12.50", "baseCurrency": "EUR", "status": "FLAGGED", "alertIds": ["alert-1"],
                         "occurredAt": "2026-03-01T10:15:30Z", "processedAt": "2026-03-01T10:15:31.250Z", "late": false}
                        """);
    }

    @Test
    void answersServiceUnavailableWithRetryAfterWhileTheDatabaseIsAway() {
        given(payments.find("pay-1")).willThrow(
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")));

        assertThat(mvc.get().uri("/api/v1/payments/pay-1"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasHeader("Retry-After", "5")
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "https://paymon.dev/problems/database-unavailable", "title": "Database unavailable",
                         "status": 503, "detail": "The database is not answering; try again shortly.",
                         "instance": "/api/v1/payments/pay-1"}
                        """);
    }

    @Test
    void answersInternalErrorWithoutItsDetailsWhenAQueryIsBroken() {
        given(payments.find("pay-1")).willThrow(
                new BadSqlGrammarException("find", "SELECT secret FROM payments", new SQLException("no", "42703")));

        assertThat(mvc.get().uri("/api/v1/payments/pay-1"))
                .hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "https://paymon.dev/problems/internal-server-error", "title": "Internal Server Error",
                         "status": 500, "detail": "The query failed; the error is logged.",
                         "instance": "/api/v1/payments/pay-1"}
                        """);
    }

    @Test
    void answersAnUnknownPathWithATypedNotFoundProblem() {
        assertThat(mvc.get().uri("/api/v1/nothing-here"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.type").isEqualTo("https://paymon.dev/problems/not-found");
    }
}
