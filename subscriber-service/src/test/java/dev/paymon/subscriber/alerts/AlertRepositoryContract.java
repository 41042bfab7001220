package dev.paymon.subscriber.alerts;

import static dev.paymon.subscriber.TestEvents.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import dev.paymon.subscriber.web.PagePosition;
import dev.paymon.subscriber.projection.ProjectionCountRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the {@code alerts} table must do on every supported database, on the schema the real
 * Flyway migrations create. Subclasses supply the database.
 */
abstract class AlertRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private JdbcClient jdbc;
    private AlertRepository alerts;

    /** A fresh database with the real Flyway migrations applied ({@code TestDatabases}). */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        DataSource dataSource = database();
        jdbc = JdbcClient.create(dataSource);
        alerts = new AlertRepository(jdbc, new ProjectionCountRepository(new JdbcTemplate(dataSource)));
    }

    @Test
    void readsBackAStoredAlertEqualAndOpenWithItsPaymentIdsInOrder() {
        StoredAlert raised = StoredAlert.from(alert("alert-1", "acc-1", FraudRule.VELOCITY, Severity.MEDIUM,
                Instant.parse("2026-03-01T10:15:30.123456789Z"), "pay-b", "pay-a"));

        assertThat(alerts.insert(raised)).isTrue();

        assertThat(alerts.find("alert-1")).contains(new StoredAlert("alert-1", "acc-1", FraudRule.VELOCITY,
                Severity.MEDIUM, List.of("pay-b", "pay-a"), Instant.parse("2026-03-01T10:15:30.123456Z"),
                AlertStatus.OPEN, null));
    }

    @Test
    void storesAnAlertDeliveredTwiceOnceAndNeverReopensItOnceAcknowledged() {
        StoredAlert raised = StoredAlert.from(alert("alert-1", "acc-1", FraudRule.LARGE_AMOUNT, Severity.HIGH, T0,
                "pay-1"));
        alerts.insert(raised);
        StoredAlert acknowledged = alerts.acknowledge("alert-1").orElseThrow();

        assertThat(alerts.insert(raised)).isFalse();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts").query(Integer.class).single()).isEqualTo(1);
        assertThat(alerts.find("alert-1")).contains(acknowledged);
        assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    }

    @Test
    void keepsAnAcknowledgementWhenTheAlertsAreRebuilt() {
        StoredAlert raised = StoredAlert.from(alert("alert-1", "acc-1", FraudRule.VELOCITY, Severity.LOW, T0, "pay-1"));
        alerts.insert(raised);
        StoredAlert acknowledged = alerts.acknowledge("alert-1").orElseThrow();

        jdbc.sql("DELETE FROM alerts").update();
        assertThat(alerts.insert(raised)).isTrue();

        assertThat(alerts.find("alert-1")).contains(acknowledged);
    }

    @Test
    void acknowledgesOnceKeepingTheFirstAcknowledgementTime() {
        alerts.insert(StoredAlert.from(alert("alert-1", "acc-1", FraudRule.VELOCITY, Severity.LOW, T0, "pay-1")));

        StoredAlert first = alerts.acknowledge("alert-1").orElseThrow();
        StoredAlert second = alerts.acknowledge("alert-1").orElseThrow();

        assertThat(first.acknowledgedAt()).isNotNull();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void acknowledgesNothingForAnUnknownId() {
        assertThat(alerts.acknowledge("no-such-alert")).isEmpty();
        assertThat(alerts.find("no-such-alert")).isEmpty();
    }

    @Test
    void listsNewestFirstFilteredByAccountRuleAndStatusUpToTheLimit() {
        insert("a-1", "acc-1", FraudRule.VELOCITY, 1);
        insert("a-2", "acc-1", FraudRule.LARGE_AMOUNT, 2);
        insert("a-3", "acc-2", FraudRule.VELOCITY, 3);
        insert("a-4", "acc-1", FraudRule.VELOCITY, 4);
        insert("a-5", "acc-1", FraudRule.VELOCITY, 4);
        alerts.acknowledge("a-4");

        assertThat(ids(new AlertQuery(null, null, null, null, 50))).containsExactly("a-5", "a-4", "a-3", "a-2", "a-1");
        assertThat(ids(new AlertQuery("acc-1", null, null, null, 50))).containsExactly("a-5", "a-4", "a-2", "a-1");
        assertThat(ids(new AlertQuery("acc-1", FraudRule.VELOCITY, null, null, 50)))
                .containsExactly("a-5", "a-4", "a-1");
        assertThat(ids(new AlertQuery("acc-1", FraudRule.VELOCITY, AlertStatus.OPEN, null, 50)))
                .containsExactly("a-5", "a-1");
        assertThat(ids(new AlertQuery(null, null, AlertStatus.ACKNOWLEDGED, null, 50))).containsExactly("a-4");
        assertThat(ids(new AlertQuery(null, null, null, null, 2))).containsExactly("a-5", "a-4");
        assertThat(ids(new AlertQuery("acc-3", null, null, null, 50))).isEmpty();
    }

    @Test
    void pagesAfterACursorAlertWithoutOverlapOrGapAtTiesAndBeforeAnInstant() {
        insert("a-1", "acc-1", FraudRule.VELOCITY, 1);
        insert("a-2", "acc-1", FraudRule.VELOCITY, 2);
        insert("a-3", "acc-1", FraudRule.VELOCITY, 2);
        insert("a-4", "acc-1", FraudRule.VELOCITY, 3);

        assertThat(ids(new AlertQuery("acc-1", null, null, after("a-3"), 1))).containsExactly("a-2");
        assertThat(ids(new AlertQuery("acc-1", null, null, after("a-2"), 50))).containsExactly("a-1");
        assertThat(ids(new AlertQuery(null, null, null, PagePosition.before(T0.plusSeconds(120)), 50)))
                .containsExactly("a-1");
    }

    private PagePosition after(String alertId) {
        StoredAlert alert = alerts.find(alertId).orElseThrow();
        return PagePosition.after(alert.detectedAt(), alert.alertId());
    }

    private void insert(String alertId, String accountId, FraudRule rule, int minutes) {
        alerts.insert(StoredAlert.from(alert(alertId, accountId, rule, Severity.MEDIUM, T0.plusSeconds(60L * minutes),
                "pay-" + UUID.randomUUID())));
    }

    private List<String> ids(AlertQuery query) {
        return alerts.list(query).stream().map(StoredAlert::alertId).toList();
    }
}
