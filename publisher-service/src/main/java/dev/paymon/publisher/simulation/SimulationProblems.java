package dev.paymon.publisher.simulation;

import dev.paymon.support.web.ProblemTypes;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The simulator's own problem details (RFC 9457), rendered by the publisher's exception handler. */
final class SimulationProblems {

    private SimulationProblems() {
    }

    static ErrorResponseException notFound(String id) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.forStatus(HttpStatus.NOT_FOUND), "Simulation not found",
                "No simulation " + id + " is known (the status of the last finished ones is kept)");
    }

    static ErrorResponseException tooManyRunning(int maxRunning) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.of("too-many-simulations"), "Too many simulations",
                maxRunning + (maxRunning == 1 ? " simulation is" : " simulations are")
                        + " running (paymon.publisher.simulation.max-running); stop one first");
    }

    static ErrorResponseException shuttingDown() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.forStatus(HttpStatus.SERVICE_UNAVAILABLE),
                "Shutting down", "The publisher is shutting down and starts no simulation");
    }

    private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
