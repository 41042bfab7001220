package dev.paymon.subscriber.payments;

import static dev.paymon.subscriber.web.OpenApiConfiguration.API_KEY;
import static dev.paymon.subscriber.web.OpenApiConfiguration.DATABASE_UNAVAILABLE;
import static dev.paymon.subscriber.web.OpenApiConfiguration.PROBLEM;
import static dev.paymon.subscriber.web.OpenApiConfiguration.READ;

import dev.paymon.subscriber.web.NotFoundProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads single payments. An unknown id answers 404 as an RFC 9457 problem. */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
class PaymentController {

    private final PaymentRepository payments;

    PaymentController(PaymentRepository payments) {
        this.payments = payments;
    }

    @Operation(summary = "One payment", description = "The payment as the processor enriched it: its amount in its "
            + "currency and in the base currency, ACCEPTED or FLAGGED with the ids of its alerts, and `late` when the "
            + "processor handled it after its window had closed (it is then in no window's activity).",
            security = @SecurityRequirement(name = API_KEY, scopes = READ))
    @ApiResponse(responseCode = "200", description = "The payment")
    @ApiResponse(responseCode = "404", description = "No payment with this id (type `not-found`)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE, content = @Content(mediaType = PROBLEM))
    @GetMapping("/{paymentId}")
    PaymentResponse payment(@Parameter(description = "The payment's id") @PathVariable String paymentId) {
        return payments.find(paymentId)
                .map(PaymentResponse::of)
                .orElseThrow(() -> NotFoundProblem.problem("Payment not found",
                        "No payment with id '" + paymentId + "'."));
    }
}
