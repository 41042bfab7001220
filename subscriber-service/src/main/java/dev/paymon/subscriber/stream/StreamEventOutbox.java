package dev.paymon.subscriber.stream;

import dev.paymon.subscriber.projection.StreamAnnouncement;
import dev.paymon.subscriber.projection.StreamOutbox;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The projections' announcements as stream events: their data written as JSON by the same mapper as the query
 * API's answers, numbered and stored in the projection's transaction, and the hub woken once it commits.
 */
@Component
class StreamEventOutbox implements StreamOutbox {

    private final StreamEventRepository events;
    private final StreamHub hub;
    private final JsonMapper json;

    StreamEventOutbox(StreamEventRepository events, StreamHub hub, JsonMapper json) {
        this.events = events;
        this.hub = hub;
        this.json = json;
    }

    @Override
    public void append(List<StreamAnnouncement> announcements) {
        // Numbering holds the sequence until commit; without a transaction ids could interleave.
        Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
                "stream events are appended inside the projection's transaction");
        events.append(announcements.stream().map(this::event).toList());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                hub.wake();
            }
        });
    }

    private StreamEventRepository.NewEvent event(StreamAnnouncement announcement) {
        JsonNode data = json.valueToTree(announcement.data());
        if (announcement.withAccountId()) {
            ObjectNode withAccount = json.createObjectNode().put("accountId", announcement.accountId());
            withAccount.setAll((ObjectNode) data);
            data = withAccount;
        }
        return new StreamEventRepository.NewEvent(announcement.type().eventName(), announcement.accountId(),
                json.writeValueAsString(data));
    }
}
