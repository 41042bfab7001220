package dev.paymon.support.web;

import static java.nio.charset.StandardCharsets.US_ASCII;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A Tomcat valve (on the engine, so before any host or application) that answers the requests Tomcat itself refused
 * while reading them, and so never mapped to the application, with a problem detail instead of Tomcat's HTML error
 * page: an invalid URI (an encoded {@code /}, {@code \} or NUL, bad percent-encoding), a request line or headers over
 * {@code server.max-http-request-header-size}. The body tells the status only, as {@link ProblemErrorController}
 * does for the errors the application sees.
 */
final class RefusedRequestProblems extends ValveBase {

    RefusedRequestProblems() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!response.isError() || request.getContext() != null) {
            getNext().invoke(request, response);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        int status = response.getStatus();
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "HTTP " + status : known.getReasonPhrase();
        String problem = "{\"type\":\"" + ProblemTypes.forStatus(HttpStatusCode.valueOf(status)) + "\",\"title\":\""
                + reason + "\",\"status\":" + status + ",\"detail\":\"" + reason + "\"}";
        // sendError() suspended the response; writing the body takes it back.
        response.setSuspended(false);
        if (response.getContentWritten() == 0) {
            byte[] body = problem.getBytes(US_ASCII);
            response.setContentType("application/problem+json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        }
    }
}
