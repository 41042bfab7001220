package dev.paymon.subscriber.rebuild;

import dev.paymon.support.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators rebuild every projection from Kafka: {@code POST /api/v1/admin/rebuild} starts it (202 with its
 * status), {@code GET} tells how far it has come. A topic that lost records to retention answers 409 unless
 * {@code force=true}; Kafka not answering, 503.
 */
@RestController
@RequestMapping("/api/v1/admin/rebuild")
class RebuildController {

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    ResponseEntity<RebuildStatus> start(@RequestParam(defaultValue = "false") boolean force) {
        try {
            return ResponseEntity.accepted().body(rebuild.start(force));
        } catch (ProjectionRebuild.HistoryIncompleteException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Retention has removed records of projected topics; a rebuild would lose them. "
                            + "Send force=true to rebuild from what is left.");
            problem.setType(ProblemTypes.of("history-incomplete"));
            problem.setTitle("History incomplete");
            problem.setProperty("partitions", e.truncated());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
        } catch (KafkaHistory.KafkaUnavailableException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    e.getMessage() + "; nothing was changed, try again shortly.");
            problem.setType(ProblemTypes.of("kafka-unavailable"));
            problem.setTitle("Kafka unavailable");
            ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, e);
            unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            throw unavailable;
        }
    }

    @GetMapping
    RebuildStatus status() {
        return rebuild.status();
    }
}
