package dev.paymon.subscriber.alerts;

import dev.paymon.events.FraudRule;

/** Which alerts to list, newest first; {@code null} filters match every alert. */
record AlertQuery(String accountId, FraudRule rule, AlertStatus status, int limit) {
}
