package dev.paymon.subscriber.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import dev.paymon.subscriber.WebSliceSecurity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The HTTP mapping of the alert queries: filters and limits handed to the repository. */
@WebMvcTest(AlertController.class)
@Import(WebSliceSecurity.class)
class AlertControllerTests {

    private static final StoredAlert ALERT = new StoredAlert("alert-1", "acc-1", FraudRule.VELOCITY, Severity.LOW,
            List.of("pay-1"), Instant.parse("2026-03-01T10:15:30Z"), AlertStatus.OPEN, null);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AlertRepository alerts;

    @Test
    void listsEveryAccountsAlertsUpToFiftyWithoutParameters() {
        given(alerts.list(new AlertQuery(null, null, null, null, 50))).willReturn(List.of(ALERT));

        assertThat(mvc.get().uri("/api/v1/alerts"))
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        [{"alertId": "alert-1", "accountId": "acc-1", "rule": "VELOCITY", "severity": "LOW",
                          "paymentIds": ["pay-1"], "detectedAt": "2026-03-01T10:15:30Z", "status": "OPEN"}]
                        """);
    }

    @Test
    void handsEveryFilterAndTheLimitToTheRepository() {
        given(alerts.list(new AlertQuery("acc-1", FraudRule.DAILY_LIMIT, AlertStatus.ACKNOWLEDGED, null, 1)))
                .willReturn(List.of(ALERT));

        assertThat(mvc.get().uri("/api/v1/alerts?accountId=acc-1&rule=DAILY_LIMIT&status=ACKNOWLEDGED&limit=1"))
                .hasStatusOk()
                .hasHeader("Link", "<http://localhost/api/v1/alerts?accountId=acc-1&rule=DAILY_LIMIT"
                        + "&status=ACKNOWLEDGED&limit=1&before=alert-1>; rel=\"next\"")
                .bodyJson().extractingPath("$[0].alertId").isEqualTo("alert-1");
    }
}
