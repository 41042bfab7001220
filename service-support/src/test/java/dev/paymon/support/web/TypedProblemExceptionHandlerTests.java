package dev.paymon.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;

class TypedProblemExceptionHandlerTests {

    final TypedProblemExceptionHandler handler = new TypedProblemExceptionHandler() {
    };
    final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("PATCH", "/api/v1/payments"));

    @Test
    void givesSpringsOwnProblemATypeNamedAfterItsStatus() throws Exception {
        ResponseEntity<Object> answer = handler.handleException(new HttpRequestMethodNotSupportedException("PATCH"),
                request);

        ProblemDetail expected = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                "Method 'PATCH' is not supported.");
        expected.setType(URI.create("https://paymon.dev/problems/method-not-allowed"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(answer.getBody()).isEqualTo(expected);
    }

    @Test
    void keepsTheTypeOfAServicesOwnProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Try again.");
        problem.setType(ProblemTypes.of("kafka-unavailable"));

        ResponseEntity<Object> answer = handler.createResponseEntity(problem, new HttpHeaders(),
                HttpStatus.SERVICE_UNAVAILABLE, request);

        ProblemDetail expected = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Try again.");
        expected.setType(URI.create("https://paymon.dev/problems/kafka-unavailable"));
        assertThat(answer.getBody()).isEqualTo(expected);
    }
}
