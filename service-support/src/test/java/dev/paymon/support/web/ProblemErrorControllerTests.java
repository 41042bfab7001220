package dev.paymon.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemErrorControllerTests {

    final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void answersContainerErrorsWithProblemOfTheirStatus() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/accounts/a%2Fb");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("internal detail"));

        ResponseEntity<ProblemDetail> answer = controller.error(request);

        ProblemDetail expected = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Bad Request");
        expected.setType(URI.create("https://paymon.dev/problems/bad-request"));
        expected.setInstance(URI.create("/api/v1/accounts/a%2Fb"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).isEqualTo(expected);
    }

    @Test
    void answersInternalErrorWhenNoStatusIsKnown() {
        ResponseEntity<ProblemDetail> answer = controller.error(new MockHttpServletRequest("GET", "/error"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getType()).isEqualTo(URI.create("https://paymon.dev/problems/internal-server-error"));
    }
}
