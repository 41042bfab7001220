package dev.paymon.subscriber.payments;

import dev.paymon.subscriber.web.NotFoundProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads single payments. An unknown id answers 404 as an RFC 9457 problem. */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final PaymentRepository payments;

    PaymentController(PaymentRepository payments) {
        this.payments = payments;
    }

    @GetMapping("/{paymentId}")
    PaymentResponse payment(@PathVariable String paymentId) {
        return payments.find(paymentId)
                .map(PaymentResponse::of)
                .orElseThrow(() -> NotFoundProblem.problem("Payment not found",
                        "No payment with id '" + paymentId + "'."));
    }
}
