package dev.paymon.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool} on the repository's Prometheus files: the configuration and the alerting rules are
 * valid and the rules' unit tests ({@code paymon-alerts.test.yml}) pass; {@code amtool} (Debian's
 * prometheus-alertmanager) on the Alertmanager configuration the compose stack mounts. Needs no running service.
 */
class PromtoolIT {

    private static final Path PROMETHEUS = SystemStack.root().resolve("observability").resolve("prometheus");

    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = PrometheusServer.requireBinary("promtool");
    }

    @Test
    void configurationIsValid() {
        assertSucceeds("check", "config", PROMETHEUS.resolve("prometheus.yml").toString());
    }

    @Test
    void alertingRulesAreValid() {
        assertSucceeds("check", "rules", PROMETHEUS.resolve("rules").resolve("paymon-alerts.yml").toString());
    }

    @Test
    void everyAlertFiresOnItsSeriesAndStaysQuietOtherwise() {
        assertSucceeds("test", "rules", PROMETHEUS.resolve("rules").resolve("paymon-alerts.test.yml").toString());
    }

    @Test
    void alertmanagerConfigurationIsValidAndRoutesEveryAlertToTheOperators() {
        Path config = SystemStack.root().resolve("observability").resolve("alertmanager").resolve("alertmanager.yml");
        Path amtool = PrometheusServer.requireBinary("amtool");
        String output = run(amtool, "check-config", config.toString());
        assertThat(output).contains("SUCCESS", "Found:", "1 receivers");
        assertThat(run(amtool, "config", "routes", "test", "--config.file=" + config, "alertname=PaymonServiceDown",
                "severity=critical")).contains("operators");
    }

    private static void assertSucceeds(String... arguments) {
        assertThat(run(promtool, arguments)).contains("SUCCESS");
    }

    private static String run(Path binary, String... arguments) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
