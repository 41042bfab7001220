package dev.paymon.subscriber.rebuild;

import static dev.paymon.subscriber.web.OpenApiConfiguration.ADMIN;
import static dev.paymon.subscriber.web.OpenApiConfiguration.API_KEY;
import static dev.paymon.subscriber.web.OpenApiConfiguration.DATABASE_UNAVAILABLE;
import static dev.paymon.subscriber.web.OpenApiConfiguration.PROBLEM;

import dev.paymon.support.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Rebuild")
class RebuildController {

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Rebuild every projection from Kafka",
            description = "Empties every projection and applies the records of the projected topics again from "
                    + "their start, also while other instances on the same database go on projecting. Follow it with "
                    + "`GET`.",
            security = @SecurityRequirement(name = API_KEY, scopes = ADMIN))
    @ApiResponse(responseCode = "202", description = "Started; its status")
    @ApiResponse(responseCode = "400", description = "`force` is not true or false (type `bad-request`)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Retention removed records of projected topics (type "
            + "`history-incomplete`, `partitions` lists them); nothing was changed",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "Kafka (type `kafka-unavailable`) or the database (type "
            + "`database-unavailable`) does not answer; nothing was changed", content = @Content(mediaType = PROBLEM))
    @PostMapping
    ResponseEntity<RebuildStatus> start(@Parameter(description = "true: rebuild also when retention removed records, "
            + "from what is left") @RequestParam(defaultValue = "false") boolean force) {
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

    @Operation(summary = "How far the rebuild has come",
            description = "`remaining` counts the offsets left to apply again; `complete` turns true once every record "
                    + "held when it started is applied again.",
            security = @SecurityRequirement(name = API_KEY, scopes = ADMIN))
    @ApiResponse(responseCode = "200", description = "The status of the last rebuild")
    @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE, content = @Content(mediaType = PROBLEM))
    @GetMapping
    RebuildStatus status() {
        return rebuild.status();
    }
}
