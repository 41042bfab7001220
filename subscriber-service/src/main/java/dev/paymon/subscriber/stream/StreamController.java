package dev.paymon.subscriber.stream;

import java.security.Principal;
import java.util.List;
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
class StreamController {

    private final StreamConnections connections;

    StreamController(StreamConnections connections) {
        this.connections = connections;
    }

    @GetMapping("/api/v1/stream")
    SseEmitter stream(@RequestParam(required = false) String accountId,
                      @RequestParam(required = false) List<String> events,
                      @RequestParam(required = false) List<String> event,
                      @RequestParam(required = false) String lastEventId,
                      @RequestHeader(name = StreamRequest.LAST_EVENT_ID_HEADER, required = false)
                      String lastEventIdHeader,
                      Principal key) {
        StreamRequest request = StreamRequest.parse(accountId, events, event, lastEventId, lastEventIdHeader);
        return connections.open(request.filter(), request.lastEventId(), key.getName());
    }
}
