package dev.paymon.subscriber.alerts;

import dev.paymon.events.FraudRule;
import dev.paymon.subscriber.web.PagePosition;

/**
 * Which alerts to list, newest first; {@code null} filters match every alert.
 *
 * @param before where the page starts (after that alert, or before that instant); {@code null} for the newest
 */
record AlertQuery(String accountId, FraudRule rule, AlertStatus status, PagePosition before, int limit) {
}
