package dev.paymon.subscriber.payments;

import dev.paymon.subscriber.web.NextPage;
import dev.paymon.subscriber.web.PagePosition;
import dev.paymon.subscriber.web.QueryParameters;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's payment history, newest first by event time ({@code occurredAt}, then id), in pages of
 * {@code limit}. {@code before} is either an ISO-8601 instant (payments that occurred before it) or the id
 * of one of the account's payments, the cursor of the next page: a full page links to the next one in a
 * {@code Link: <...>; rel="next"} header, so that pages never overlap or skip payments of the same instant.
 */
@RestController
class AccountPaymentsController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final PaymentRepository payments;

    AccountPaymentsController(PaymentRepository payments) {
        this.payments = payments;
    }

    @GetMapping("/api/v1/accounts/{accountId}/payments")
    ResponseEntity<List<PaymentResponse>> payments(@PathVariable String accountId,
                                                   @RequestParam(required = false) String limit,
                                                   @RequestParam(required = false) String before) {
        QueryParameters parameters = new QueryParameters();
        int max = parameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        PagePosition position = parameters.cursor("before", before, id -> payments.find(id)
                        .filter(payment -> payment.accountId().equals(accountId))
                        .map(payment -> PagePosition.after(payment.occurredAt(), payment.paymentId())),
                "must be an ISO-8601 instant or the id of one of the account's payments");
        parameters.validate();
        List<PaymentResponse> page = payments.listForAccount(accountId, position, max).stream()
                .map(PaymentResponse::of).toList();
        return NextPage.answer(page, max, PaymentResponse::paymentId);
    }
}
