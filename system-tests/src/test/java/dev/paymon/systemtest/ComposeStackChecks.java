package dev.paymon.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The checks of {@code deploy-checks/compose-smoke.sh} against a running {@code docker compose} stack, the same as
 * {@link ObservabilityIT} makes against the local one: Prometheus scrapes every target, every dashboard query (PromQL
 * through the compose Prometheus, SQL as Grafana's {@code grafana_reader} inside the postgres container) returns
 * data. Not an {@code *IT}: only the smoke script runs it, with the stack's addresses as system properties
 * ({@code paymon.compose.prometheus}, {@code paymon.compose.postgres-container}, {@code paymon.compose.database}).
 */
class ComposeStackChecks {

    private static final Path DASHBOARDS = SystemStack.root().resolve("observability").resolve("grafana")
            .resolve("dashboards");
    private static final Duration SCRAPED = Duration.ofMinutes(3);

    private final String prometheus = required("paymon.compose.prometheus");

    @Test
    void prometheusScrapesEveryServiceAndBrokerOfTheStack() {
        await().atMost(SCRAPED).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            JsonNode targets = Http.anonymous().get(prometheus + "/api/v1/targets").body().path("data")
                    .path("activeTargets");
            Set<String> jobs = new TreeSet<>();
            List<String> down = new ArrayList<>();
            for (JsonNode target : targets) {
                jobs.add(target.path("labels").path("job").asString());
                if (!"up".equals(target.path("health").asString())) {
                    down.add(target.path("scrapeUrl").asString() + " " + target.path("health").asString() + " "
                            + target.path("lastError").asString());
                }
            }
            assertThat(jobs).contains("publisher-service", "processor-service", "subscriber-service");
            assertThat(targets.size()).as("targets: three services and three brokers").isGreaterThanOrEqualTo(6);
            assertThat(down).as("targets not up").isEmpty();
        });
        System.out.println("[compose] every Prometheus target is up");
    }

    @Test
    void everyPrometheusPanelQueryReturnsSeries() {
        List<DashboardQueries.Query> promQl = DashboardQueries.read(DASHBOARDS).stream()
                .filter(query -> DashboardQueries.PROMETHEUS.equals(query.datasource())).toList();
        assertThat(promQl).hasSizeGreaterThan(20);
        List<String> failures = new ArrayList<>();
        try {
            await().atMost(SCRAPED).pollInterval(Duration.ofSeconds(5)).until(() -> {
                failures.clear();
                promQl.forEach(query -> check(query).ifPresent(failures::add));
                return failures.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below
        }
        assertThat(failures).as("dashboard PromQL that is invalid or returns no series").isEmpty();
        System.out.println("[compose] " + promQl.size() + " dashboard PromQL queries return series");
    }

    @Test
    void everyPostgresPanelQueryReturnsRowsAsTheReadOnlyGrafanaLogin() throws Exception {
        String container = required("paymon.compose.postgres-container");
        String database = required("paymon.compose.database");
        List<DashboardQueries.Query> sql = DashboardQueries.read(DASHBOARDS).stream()
                .filter(query -> DashboardQueries.POSTGRES.equals(query.datasource())).toList();
        assertThat(sql).isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (DashboardQueries.Query query : sql) {
            Process psql = new ProcessBuilder("docker", "exec", "-i", container, "sh", "-c",
                    "PGPASSWORD=$(cat /run/secrets/paymon/GRAFANA_DB_PASSWORD) psql -h 127.0.0.1 -U grafana_reader -d "
                            + database + " -v ON_ERROR_STOP=1 -tA").redirectErrorStream(true).start();
            psql.getOutputStream().write((query.query() + ";\n").getBytes(StandardCharsets.UTF_8));
            psql.getOutputStream().close();
            String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (psql.exitValue() != 0 || output.isBlank()) {
                failures.add(query.where() + ": " + (output.isBlank() ? "no row" : output.strip()));
            }
        }
        assertThat(failures).as("dashboard SQL that fails or returns no row as grafana_reader").isEmpty();
        System.out.println("[compose] " + sql.size() + " dashboard SQL queries return rows as grafana_reader");
    }

    private Optional<String> check(DashboardQueries.Query query) {
        JsonNode body = Http.anonymous().get(prometheus + "/api/v1/query?query="
                + URLEncoder.encode(query.query(), StandardCharsets.UTF_8)).body();
        if (body == null || !"success".equals(body.path("status").asString())) {
            return Optional.of(query.where() + ": invalid: " + (body == null ? "no answer"
                    : body.path("error").asString()));
        }
        return body.path("data").path("result").isEmpty()
                ? Optional.of(query.where() + ": no series :: " + query.query())
                : Optional.empty();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run deploy-checks/compose-smoke.sh");
        }
        return value;
    }
}
