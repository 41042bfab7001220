package dev.paymon.publisher.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paymon.events.FieldViolation;
import java.util.List;

/** The answer to a batch: counts and one result per item, in the order sent. */
record BatchResult(int accepted, int rejected, List<ItemResult> results) {

    static BatchResult of(List<ItemResult> results) {
        int accepted = (int) results.stream().filter(r -> r.status() == ItemStatus.ACCEPTED).count();
        return new BatchResult(accepted, results.size() - accepted, results);
    }

    enum ItemStatus { ACCEPTED, REJECTED }

    /**
     * @param index     position of the item: in the JSON array, or among the non-blank NDJSON lines (from 0)
     * @param paymentId the item's payment id (generated if absent; {@code null} if the item was unreadable)
     * @param errors    why a rejected item was rejected ({@code field} {@code $} for the whole item)
     */
    record ItemResult(int index, String paymentId, ItemStatus status,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldViolation> errors) {

        static ItemResult accepted(int index, String paymentId) {
            return new ItemResult(index, paymentId, ItemStatus.ACCEPTED, null);
        }

        static ItemResult rejected(int index, String paymentId, List<FieldViolation> errors) {
            return new ItemResult(index, paymentId, ItemStatus.REJECTED, errors);
        }
    }
}
