package dev.paymon.subscriber.stream;

import static dev.paymon.subscriber.web.OpenApiConfiguration.API_KEY;
import static dev.paymon.subscriber.web.OpenApiConfiguration.INVALID;
import static dev.paymon.subscriber.web.OpenApiConfiguration.PROBLEM;
import static dev.paymon.subscriber.web.OpenApiConfiguration.READ;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/stream}: newly projected payments, alerts and activity windows as Server-Sent Events,
 * filtered by {@code accountId} and {@code events}, resumable with {@code Last-Event-ID}. Bad parameters answer
 * a 400 problem, a key with too many streams open a 429 and a full stream a 503, all before the stream starts.
 */
@RestController
@Tag(name = "Live stream")
class StreamController {

    /** The operation's description; {@code OpenApiIT} checks that it names every event. */
    static final String DESCRIPTION = """
            Server-Sent Events (`text/event-stream`) of what the projections newly store, filtered by `accountId` \
            and `events`. The stream opens with the comment line `:connected` and gets `:heartbeat` whenever it was \
            idle for `paymon.subscriber.stream.heartbeat` (15 s), so that a connection that died is noticed.

            | `event:` | `data:` (JSON) |
            | --- | --- |
            | `payment` | a newly projected payment, as `GET /api/v1/payments/{paymentId}` answers it \
            (`PaymentResponse`) |
            | `alert` | a newly projected fraud alert, as `GET /api/v1/alerts` lists it (`AlertResponse`) |
            | `activity` | a newly closed activity window, as `GET /api/v1/accounts/{accountId}/activity` lists it \
            (`ActivityResponse`), plus `accountId` |
            | `horizon-exceeded` | control event without `id:`: `{lastEventId, oldestAvailableId}`, the events after \
            `lastEventId` up to `oldestAvailableId` were pruned (older than `paymon.subscriber.stream.horizon`, 24 h): \
            reload what you show from the query API; the stream goes on from the oldest event kept |
            | `disconnected` | control event without `id:`, the stream's last: `{reason, lastEventId}`, the client \
            fell more than `paymon.subscriber.stream.client-buffer` events behind; reconnect with \
            `Last-Event-ID: <lastEventId>` to lose nothing |

            **`id:`** Every `payment`, `alert` and `activity` event carries its place in the stream: ids grow by one \
            from event to event over all names and accounts (a filtered stream skips ids), the same for every client \
            and every instance on the database.

            **Resuming.** Send the last id received as the `Last-Event-ID` header (an `EventSource` does so itself \
            when it reconnects) or, for clients that cannot set headers, as `lastEventId`; the header wins. The stream \
            first sends the matching events after it from the database, then goes live. Without either, live events \
            only.""";

    private final StreamConnections connections;

    StreamController(StreamConnections connections) {
        this.connections = connections;
    }

    @Operation(summary = "Live stream of new payments, alerts and activity windows (Server-Sent Events)",
            description = DESCRIPTION, security = @SecurityRequirement(name = API_KEY, scopes = READ))
    @ApiResponse(responseCode = "200", description = "The stream; it lasts until the client goes away",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"),
                    examples = @ExampleObject(name = "events", value = """
                            :connected

                            id:41
                            event:payment
                            data:{"paymentId":"pay-1","accountId":"acc-1","amount":"12.50","currency":"EUR",\
                            "amountBase":"12.50","baseCurrency":"EUR","status":"ACCEPTED","alertIds":[],\
                            "occurredAt":"2026-03-01T10:15:30Z","processedAt":"2026-03-01T10:15:31.250Z","late":false}

                            :heartbeat

                            """)))
    @ApiResponse(responseCode = "400", description = INVALID + " (an unknown event name, a bad `Last-Event-ID`)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "429", description = "The API key has as many streams open as one key may have "
            + "(type `too-many-streams`)", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "The stream serves as many clients as it may, or the service is "
            + "starting or stopping (type `stream-unavailable`)", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/v1/stream")
    SseEmitter stream(@Parameter(description = "Only the events of this account") @RequestParam(required = false)
                      String accountId,
                      @Parameter(description = "Only these events: names, repeated or comma-separated; every event "
                              + "when absent", array = @ArraySchema(schema = @Schema(
                              allowableValues = {"payment", "alert", "activity"})))
                      @RequestParam(required = false) List<String> events,
                      @Parameter(description = "The same as `events`", array = @ArraySchema(schema = @Schema(
                              allowableValues = {"payment", "alert", "activity"})))
                      @RequestParam(required = false) List<String> event,
                      @Parameter(description = "The `Last-Event-ID`, for clients that cannot set headers",
                              schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                      @RequestParam(required = false) String lastEventId,
                      @Parameter(in = ParameterIn.HEADER, description = "The id of the last event received: the "
                              + "stream first sends the matching events after it", schema = @Schema(type = "integer",
                              format = "int64", minimum = "0"))
                      @RequestHeader(name = StreamRequest.LAST_EVENT_ID_HEADER, required = false)
                      String lastEventIdHeader,
                      @Parameter(hidden = true) Principal key) {
        StreamRequest request = StreamRequest.parse(accountId, events, event, lastEventId, lastEventIdHeader);
        return connections.open(request.filter(), request.lastEventId(), key.getName());
    }
}
