package dev.paymon.publisher.payments;

import tools.jackson.databind.JsonNode;

/** One item of a batch as read: its JSON, or why it could not be read (a malformed NDJSON line). */
record BatchItem(JsonNode json, String malformed) {

    static BatchItem parsed(JsonNode json) {
        return new BatchItem(json, null);
    }

    static BatchItem malformed(String reason) {
        return new BatchItem(null, reason);
    }
}
