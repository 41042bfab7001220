package dev.paymon.processor.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.AlertRaised;
import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FindingTests {

    private final Finding finding = new Finding(FraudRule.VELOCITY, Severity.MEDIUM, "acc-1", "2026-11-28T10:15:00Z",
            List.of("p-1", "p-2"));

    @Test
    void derivesTheAlertIdFromRuleAccountAndDiscriminatorOnly() {
        assertThat(finding.alertId()).isEqualTo(
                UUID.nameUUIDFromBytes("VELOCITY|acc-1|2026-11-28T10:15:00Z".getBytes(UTF_8)).toString());
        assertThat(new Finding(FraudRule.VELOCITY, Severity.HIGH, "acc-1", "2026-11-28T10:15:00Z", List.of("p-9")).alertId())
                .isEqualTo(finding.alertId());
        assertThat(new Finding(FraudRule.VELOCITY, Severity.MEDIUM, "acc-2", "2026-11-28T10:15:00Z", List.of("p-1")).alertId())
                .isNotEqualTo(finding.alertId());
    }

    @Test
    void raisesTheAlertWithTheDetectionTime() {
        Instant detected = Instant.parse("2026-11-28T10:15:30Z");

        assertThat(finding.raisedAt(detected)).isEqualTo(new AlertRaised(finding.alertId(), "acc-1", FraudRule.VELOCITY,
                Severity.MEDIUM, List.of("p-1", "p-2"), detected));
    }
}
