package dev.paymon.subscriber.payments;

import dev.paymon.support.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
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
                .orElseThrow(() -> notFound(paymentId));
    }

    private static ErrorResponseException notFound(String paymentId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No payment with id '" + paymentId + "'.");
        problem.setType(ProblemTypes.forStatus(HttpStatus.NOT_FOUND));
        problem.setTitle("Payment not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
