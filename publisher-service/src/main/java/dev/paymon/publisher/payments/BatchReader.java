package dev.paymon.publisher.payments;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.events.FieldViolation;
import dev.paymon.publisher.config.InvalidRequestException;
import dev.paymon.publisher.config.JsonFields;
import dev.paymon.publisher.config.MalformedJsonException;
import dev.paymon.publisher.config.RequestJson;
import dev.paymon.publisher.config.RequestTooLargeException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Splits a batch body into items: a JSON array (malformed JSON fails the whole request), or NDJSON, one
 * payment per line, where a malformed line only rejects that item. Blank NDJSON lines are skipped.
 */
final class BatchReader {

    private BatchReader() {
    }

    static List<BatchItem> fromJsonArray(RequestJson reader, byte[] body, int maxItems) {
        JsonNode json = reader.read(body);
        if (!json.isArray()) {
            throw new InvalidRequestException(List.of(
                    new FieldViolation(JsonFields.ROOT, "must be a JSON array of payments")));
        }
        checkSize(json.size(), maxItems);
        List<BatchItem> items = new ArrayList<>(json.size());
        json.forEach(item -> items.add(BatchItem.parsed(item)));
        return items;
    }

    static List<BatchItem> fromNdjson(RequestJson reader, byte[] body, int maxItems) {
        List<String> lines = new String(body, UTF_8).lines().filter(line -> !line.isBlank()).toList();
        checkSize(lines.size(), maxItems);
        List<BatchItem> items = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                items.add(BatchItem.parsed(reader.read(line.getBytes(UTF_8))));
            } catch (MalformedJsonException e) {
                items.add(BatchItem.malformed(e.getMessage()));
            }
        }
        return items;
    }

    private static void checkSize(int items, int maxItems) {
        if (items > maxItems) {
            throw new RequestTooLargeException("The batch has " + items + " items; at most " + maxItems
                    + " are accepted per request (paymon.publisher.batch.max-items)");
        }
    }
}
