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
 * valid and the rules' unit tests ({@code paymon-alerts.test.yml}) pass. Needs no running service.
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

    private static void assertSucceeds(String... arguments) {
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
            assertThat(output).contains("SUCCESS");
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
