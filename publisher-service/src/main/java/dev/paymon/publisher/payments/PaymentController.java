package dev.paymon.publisher.payments;

import dev.paymon.publisher.PublisherProperties;
import dev.paymon.publisher.web.RequestJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/payments} and {@code POST /api/v1/payments/batch}.
 *
 * <p>By default an answer comes only after the broker acknowledged the payment ({@code acks=all}): a 2xx
 * means it is stored. With {@code ?async=true} the answer comes as soon as the producer has the payment,
 * before any acknowledgement: faster, but <b>at most once</b> — a broker failure afterwards loses it
 * silently for the client. If Kafka cannot take a payment within the send timeout the answer is 503 with
 * {@code Retry-After}; retrying with the same {@code paymentId} is safe (it is the idempotency key).
 * Bodies are read as bytes and parsed by the service itself, so every bad field is reported at once.
 *
 * <p>The answers are asynchronous (Spring MVC completes the request from the returned future): a request waiting for
 * the broker's acknowledgement holds no thread, so a few request threads serve all the requests in flight.
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
@ApiResponse(responseCode = "400", description = "Malformed JSON or invalid fields (problem detail listing every "
        + "bad field)", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "413", description = "Body over the size limit or too many batch items",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "415", description = "Unsupported media type",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "429", description = "Over the key's rate limit (rate-limited), or the key has as many "
        + "publishing requests in progress as one key may have (too-many-in-flight); see Retry-After",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "503", description = "Kafka did not take the payment in time (kafka-unavailable), or the "
        + "publisher is overloaded or shutting down; see Retry-After",
        content = @Content(mediaType = "application/problem+json"))
class PaymentController {

    static final String NDJSON = "application/x-ndjson";
    private static final String ASYNC = "true: answer once the producer has the payment, before the broker "
            + "acknowledges it (at most once)";

    private final PaymentIntake intake;
    private final RequestJson json;
    private final int maxItems;

    PaymentController(PaymentIntake intake, RequestJson json, PublisherProperties properties) {
        this.intake = intake;
        this.json = json;
        this.maxItems = properties.batch().maxItems();
    }

    @Operation(summary = "Publish one payment",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PaymentRequest.class))))
    @ApiResponse(responseCode = "202", description = "Acknowledged by the broker (with async=true: handed to the "
            + "producer, paymentId only)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<PaymentAccepted>> submit(@RequestBody byte[] body,
            @Parameter(description = ASYNC) @RequestParam(defaultValue = "false") boolean async) {
        return intake.submit(json.read(body), async).thenApply(accepted -> ResponseEntity.accepted().body(accepted));
    }

    @BatchOperation
    @ApiResponse(responseCode = "200", description = "One result per item")
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<BatchResult> submitBatch(@RequestBody byte[] body,
                            @Parameter(description = ASYNC) @RequestParam(defaultValue = "false") boolean async) {
        return intake.submitAll(BatchReader.fromJsonArray(json, body, maxItems), async);
    }

    @BatchOperation
    @ApiResponse(responseCode = "200", description = "One result per non-blank line")
    @PostMapping(path = "/batch", consumes = NDJSON)
    CompletableFuture<BatchResult> submitNdjsonBatch(@RequestBody byte[] body,
                                  @Parameter(description = ASYNC) @RequestParam(defaultValue = "false") boolean async) {
        return intake.submitAll(BatchReader.fromNdjson(json, body, maxItems), async);
    }
}
