package dev.paymon.processor.monitoring;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.processor.deadletter.RejectedRecord;

/** What the {@link AccountMonitor} emits; the topology splits them by type into the output topics. */
public sealed interface Outcome {

    /** The processed payment, ACCEPTED or FLAGGED: to {@code payments.enriched.v1}. */
    record Payment(PaymentEnriched payment) implements Outcome {
    }

    /** A fraud rule fired: to {@code fraud.alerts.v1}. */
    record Alert(AlertRaised alert) implements Outcome {
    }

    /** A window closed: to {@code accounts.activity.v1}. */
    record Activity(AccountActivity activity) implements Outcome {
    }

    /** The payment is rejected (late, or an unexpected failure): to {@code payments.dlq.v1}. */
    record DeadLettered(RejectedRecord rejected) implements Outcome {
    }
}
