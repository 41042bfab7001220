package dev.paymon.subscriber.web;

import dev.paymon.support.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The 404 problem of an API resource that does not exist. */
public final class NotFoundProblem {

    private NotFoundProblem() {
    }

    /**
     * @param title  e.g. "Payment not found"
     * @param detail e.g. "No payment with id 'x'."
     */
    public static ErrorResponseException problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(ProblemTypes.forStatus(HttpStatus.NOT_FOUND));
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
