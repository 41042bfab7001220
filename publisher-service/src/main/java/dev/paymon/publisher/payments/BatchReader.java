package dev.paymon.publisher.payments;

import dev.paymon.events.FieldViolation;
import dev.paymon.publisher.web.InvalidRequestException;
import dev.paymon.publisher.web.JsonFields;
import dev.paymon.publisher.web.MalformedJsonException;
import dev.paymon.publisher.web.RequestJson;
import dev.paymon.publisher.web.RequestTooLargeException;
import java.util.ArrayList;
import java.util.Arrays;
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
        List<byte[]> lines = lines(body).stream().filter(line -> !isBlank(line)).toList();
        checkSize(lines.size(), maxItems);
        List<BatchItem> items = new ArrayList<>(lines.size());
        for (byte[] line : lines) {
            try {
                items.add(BatchItem.parsed(reader.read(line)));
            } catch (MalformedJsonException e) {
                items.add(BatchItem.malformed(e.getMessage()));
            }
        }
        return items;
    }

    /**
     * The body split at each {@code \n} (a {@code \r} before it is JSON whitespace), as bytes: the JSON parser then
     * sees each line's bytes as sent, so a line that is not UTF-8 is malformed rather than silently mended.
     */
    private static List<byte[]> lines(byte[] body) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                lines.add(Arrays.copyOfRange(body, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void checkSize(int items, int maxItems) {
        if (items > maxItems) {
            throw new RequestTooLargeException("The batch has " + items + " items; at most " + maxItems
                    + " are accepted per request (paymon.publisher.batch.max-items)");
        }
    }
}
