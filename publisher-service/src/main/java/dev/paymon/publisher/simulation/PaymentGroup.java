package dev.paymon.publisher.simulation;

import dev.paymon.events.PaymentInitiated;
import java.util.List;

/** Payments generated together, of one {@link Pattern}, in the order they are to be sent. */
record PaymentGroup(Pattern pattern, List<PaymentInitiated> payments) {

    PaymentGroup {
        payments = List.copyOf(payments);
    }

    /** The first {@code count} payments only (when a payment limit cuts a group short). */
    PaymentGroup first(int count) {
        return count >= payments.size() ? this : new PaymentGroup(pattern, payments.subList(0, count));
    }
}
