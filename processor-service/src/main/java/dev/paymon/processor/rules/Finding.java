package dev.paymon.processor.rules;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.events.AlertRaised;
import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rule that fired: the alert to raise, except for when it was detected.
 *
 * @param discriminator what makes this alert unique for the rule and account (a payment id, a window
 *                      start, a day, a pair of payment ids); with them it determines {@link #alertId()}
 */
public record Finding(FraudRule rule, Severity severity, String accountId, String discriminator,
                      List<String> paymentIds) {

    public Finding {
        paymentIds = List.copyOf(paymentIds);
    }

    /** A name-based UUID of rule, account and discriminator: the same input gives the same id, so a replay cannot raise a second alert. */
    public String alertId() {
        return UUID.nameUUIDFromBytes((rule + "|" + accountId + "|" + discriminator).getBytes(UTF_8)).toString();
    }

    public AlertRaised raisedAt(Instant detectedAt) {
        return new AlertRaised(alertId(), accountId, rule, severity, paymentIds, detectedAt);
    }
}
