package dev.paymon.subscriber.payments;

import static dev.paymon.subscriber.web.OpenApiConfiguration.API_KEY;
import static dev.paymon.subscriber.web.OpenApiConfiguration.CURSOR;
import static dev.paymon.subscriber.web.OpenApiConfiguration.DATABASE_UNAVAILABLE;
import static dev.paymon.subscriber.web.OpenApiConfiguration.INVALID;
import static dev.paymon.subscriber.web.OpenApiConfiguration.LIMIT;
import static dev.paymon.subscriber.web.OpenApiConfiguration.LINK;
import static dev.paymon.subscriber.web.OpenApiConfiguration.NEXT_PAGE;
import static dev.paymon.subscriber.web.OpenApiConfiguration.PROBLEM;
import static dev.paymon.subscriber.web.OpenApiConfiguration.READ;

import dev.paymon.subscriber.web.NextPage;
import dev.paymon.subscriber.web.PagePosition;
import dev.paymon.subscriber.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Accounts")
class AccountPaymentsController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final PaymentRepository payments;

    AccountPaymentsController(PaymentRepository payments) {
        this.payments = payments;
    }

    @Operation(summary = "An account's payments, newest first",
            description = "By `occurredAt`, then id, in pages of `limit`; each payment as `GET /api/v1/payments/"
                    + "{paymentId}` answers it. An account without payments answers an empty list.",
            security = @SecurityRequirement(name = API_KEY, scopes = READ))
    @ApiResponse(responseCode = "200", description = "One page of payments",
            headers = @Header(name = LINK, description = NEXT_PAGE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = INVALID, content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE, content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/v1/accounts/{accountId}/payments")
    ResponseEntity<List<PaymentResponse>> payments(
            @Parameter(description = "The account's id") @PathVariable String accountId,
            @Parameter(description = LIMIT, schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_LIMIT,
                    defaultValue = "" + DEFAULT_LIMIT)) @RequestParam(required = false) String limit,
            @Parameter(description = CURSOR + " (a payment id of this account)") @RequestParam(required = false)
            String before) {
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
