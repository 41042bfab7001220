package dev.paymon.systemtest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.Topics;
import dev.paymon.launcher.LocalStack;
import dev.paymon.launcher.Service;
import dev.paymon.testing.TestPostgres;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The observability files of the repository against the real stack: a real Prometheus scrapes the
 * three service jars on their management ports with a configuration generated from
 * {@code observability/prometheus/prometheus.yml} and loads its alerting rules; after payments (every fraud rule), rejected requests, poison records,
 * a live stream client and a minute of the publisher's traffic simulator, every panel query of every
 * Grafana dashboard must be valid and return data (PromQL as an instant query, SQL on the subscriber's
 * PostgreSQL schema).
 */
class ObservabilityIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final Duration SCRAPED = Duration.ofSeconds(90);
    private static final Path OBSERVABILITY = SystemStack.root().resolve("observability");
    private static final Path PROMETHEUS_CONFIG = OBSERVABILITY.resolve("prometheus").resolve("prometheus.yml");

    private static TestPostgres.Database database;
    private static LocalStack stack;
    private static PrometheusServer prometheus;
    private static LiveStreamClient stream;
    private static List<DashboardQueries.Query> queries;
    /** The URL of the traffic simulation running while the panels are checked. */
    private static String simulation;

    @BeforeAll
    static void startStackAndPrometheusAndDriveTraffic() throws IOException {
        Path binary = PrometheusServer.requireBinary();
        queries = DashboardQueries.read(OBSERVABILITY.resolve("grafana").resolve("dashboards"));
        database = TestPostgres.newSchema();
        // The broker runs with the JMX exporter agent and configuration the compose brokers use.
        int exporterPort = FreePorts.next();
        stack = new LocalStack(SystemStack.settings(SystemStack.newDataDir("observability"), database)
                .withBrokerJvmOptions(List.of("-Xms128m", "-Xmx512m", "-javaagent:" + jmxExporterAgent() + "="
                        + exporterPort + ":" + OBSERVABILITY.resolve("kafka").resolve("jmx-exporter.yml"))))
                .start();

        int port = FreePorts.next();
        Path dataDir = SystemStack.newDataDir("prometheus");
        Path config = dataDir.resolve("prometheus.yml");
        Files.writeString(config, PrometheusTestConfiguration.generate(PROMETHEUS_CONFIG, Map.of(
                // The compose targets are the services' management ports; here the test stack's.
                "publisher-service:9081", "127.0.0.1:" + stack.publisher().managementPort(),
                "processor-service:9082", "127.0.0.1:" + stack.processor().managementPort(),
                "subscriber-service:9083", "127.0.0.1:" + stack.subscriber().managementPort(),
                "kafka-1:9404", "127.0.0.1:" + exporterPort,
                "kafka-2:9404", "127.0.0.1:" + exporterPort,
                "kafka-3:9404", "127.0.0.1:" + exporterPort,
                "localhost:9090", "127.0.0.1:" + port), "2s"));
        prometheus = PrometheusServer.start(binary, config, dataDir, port);

        stream = LiveStreamClient.connect(stack.subscriber().url() + "/api/v1/stream");
        driveTraffic();
        simulation = startSimulation();
    }

    @AfterAll
    static void stopAll() {
        if (simulation != null) {
            Http.delete(simulation);
        }
        if (stream != null) {
            stream.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyPrometheusPanelQueryIsValidAndReturnsSeriesAfterAMinuteOfSimulatedTraffic() {
        // As a new user tries it: the simulator has been sending payments (with fraud patterns) for a minute.
        await().atMost(Duration.ofSeconds(120)).until(
                () -> Http.get(simulation).body().path("sent").asLong() >= SIMULATED_PER_SECOND * 60);
        List<DashboardQueries.Query> promQl = ofDatasource(DashboardQueries.PROMETHEUS);
        assertThat(promQl).as("Prometheus panel queries in the dashboards").hasSizeGreaterThan(20);

        List<String> failures = awaitNoFailures(() -> checkPromQl(promQl, false));
        checkPromQl(promQl, true);

        assertThat(failures).as("dashboard queries that are invalid or return no series").isEmpty();
    }

    @Test
    void metricsAreServedOnTheManagementPortsOnlyNeverOnThePublicOnes() {
        for (Service service : stack.services()) {
            Http.Answer management = Http.anonymous().get(service.metricsUrl());
            assertThat(management.status()).as(service.metricsUrl()).isEqualTo(200);
            assertThat(management.raw().body()).as(service.metricsUrl()).contains("jvm_memory_used_bytes");

            Http.Answer publicPort = Http.get(service.url() + "/actuator/prometheus");
            assertThat(publicPort.status()).as(service.url() + "/actuator/prometheus, even with a key").isIn(401, 403, 404);
            assertThat(publicPort.raw().body()).doesNotContain("jvm_memory_used_bytes");
        }
    }

    @Test
    void everyPostgresPanelQueryReturnsRowsFromTheSubscribersSchema() {
        List<DashboardQueries.Query> sql = ofDatasource(DashboardQueries.POSTGRES);
        assertThat(sql).as("PostgreSQL panel queries in the dashboards").isNotEmpty();

        List<String> failures = awaitNoFailures(() -> checkSql(sql));

        assertThat(failures).as("dashboard SQL that fails or returns no row").isEmpty();
    }

    @Test
    void alertingRulesOfTheRepositoryAreLoadedHealthyAndQuietOnAHealthyPipeline() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (String alert : alertNames()) {
            expected.put(alert, "ok");
        }
        assertThat(expected).as("alerts in the repository's rule files").isNotEmpty();

        Map<String, String> health = await().atMost(SCRAPED).until(ObservabilityIT::ruleHealth, expected::equals);

        assertThat(health).isEqualTo(expected);
        PrometheusServer.QueryResult firing = prometheus.query("ALERTS{alertstate=\"firing\"}");
        assertThat(firing.success()).isTrue();
        assertThat(firing.series()).as("alerts firing on the healthy pipeline").isZero();
        assertThat(stream.events()).as("events received by the live stream client").isPositive();
    }

    // ------------------------------------------------------------------ traffic

    /**
     * Ordinary payments and every fraud rule, a duplicate, rejected and unknown requests, one
     * undecodable record for the processor and one for the subscriber; returns once all are through.
     */
    private static void driveTraffic() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 12; i++) {
            accept(payment(null, "acc-" + run + "-" + (i % 4), "25.00", "DE"));
        }
        accept(payment(null, "large-" + run, "15000.00", "DE"));         // LARGE_AMOUNT, DAILY_LIMIT
        for (int i = 0; i < 7; i++) {
            accept(payment(null, "velocity-" + run, "10.00", "DE"));      // VELOCITY
        }
        accept(payment(null, "travel-" + run, "30.00", "DE"));
        accept(payment(null, "travel-" + run, "30.00", "FR"));            // IMPOSSIBLE_TRAVEL
        String duplicate = "dup-" + run;
        accept(payment(duplicate, "acc-" + run + "-0", "5.00", "DE"));
        accept(payment(duplicate, "acc-" + run + "-0", "5.00", "DE"));

        assertThat(post("{\"accountId\":\"bad-" + run + "\",\"amount\":\"-1\"}").status()).isEqualTo(400);
        assertThat(Http.get(stack.subscriber().url() + "/api/v1/payments/unknown-" + run).status()).isEqualTo(404);
        String bootstrap = stack.broker().bootstrapServers();
        KafkaClients.sendRaw(bootstrap, Topics.PAYMENTS_INITIATED.name(), "poison-" + run, "{not json".getBytes(UTF_8));
        KafkaClients.sendRaw(bootstrap, Topics.PAYMENTS_ENRICHED.name(), "poison-" + run, "{not json".getBytes(UTF_8));

        String marker = accept(payment(null, "travel-" + run, "1.00", "FR"));
        await().atMost(PIPELINE).until(
                () -> Http.get(stack.subscriber().url() + "/api/v1/payments/" + marker).status() == 200);
    }

    private static final int SIMULATED_PER_SECOND = 20;

    /** The agent jar Maven resolved (system-tests/pom.xml passes its path). */
    private static Path jmxExporterAgent() {
        String agent = System.getProperty("paymon.jmx-exporter-agent");
        assertThat(agent).as("system property paymon.jmx-exporter-agent (set by the failsafe configuration)")
                .isNotBlank();
        return Path.of(agent);
    }

    /** Starts the publisher's traffic simulator with fraud patterns; answers the simulation's URL. */
    private static String startSimulation() {
        Http.Answer started = Http.post(stack.publisher().url() + "/api/v1/simulations", """
                {"ratePerSecond": %d, "accounts": %d,
                 "fraudShare": {"largeAmount": 0.02, "burst": 0.05, "countryHop": 0.02}}"""
                .formatted(SIMULATED_PER_SECOND, SIMULATED_PER_SECOND * 15));
        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        return stack.publisher().url() + "/api/v1/simulations/" + started.body().get("id").asString();
    }

    private static String payment(String paymentId, String account, String amount, String country) {
        return """
                {%s"accountId":"%s","amount":"%s","currency":"EUR","merchantId":"m-1","merchantCategory":"5411",\
                "country":"%s","channel":"ECOMMERCE"}"""
                .formatted(paymentId == null ? "" : "\"paymentId\":\"" + paymentId + "\",", account, amount, country);
    }

    private static String accept(String json) {
        Http.Answer answer = post(json);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
        return answer.body().get("paymentId").asString();
    }

    private static Http.Answer post(String json) {
        return Http.post(stack.publisher().url() + "/api/v1/payments", json);
    }

    // ------------------------------------------------------------------ checks

    private static List<DashboardQueries.Query> ofDatasource(String uid) {
        return queries.stream().filter(q -> uid.equals(q.datasource())).toList();
    }

    /**
     * Polls until {@code check} finds nothing wrong (metrics arrive a scrape after the traffic,
     * projections a commit after it) and returns what is still wrong at the end.
     */
    private static List<String> awaitNoFailures(Supplier<List<String>> check) {
        try {
            await().atMost(SCRAPED).pollInterval(Duration.ofSeconds(2)).until(check::get, List::isEmpty);
            return List.of();
        } catch (ConditionTimeoutException e) {
            return check.get();
        }
    }

    /**
     * Runs every PromQL query; returns the failures: invalid, or no series.
     */
    private static List<String> checkPromQl(List<DashboardQueries.Query> promQl, boolean report) {
        List<String> failures = new ArrayList<>();
        for (DashboardQueries.Query query : promQl) {
            PrometheusServer.QueryResult result = prometheus.query(query.query());
            String line;
            if (!result.success()) {
                line = "FAIL invalid (" + result.error() + ")";
                failures.add(query.where() + ": invalid: " + result.error() + " :: " + query.query());
            } else if (result.series() > 0) {
                line = "OK   " + result.series() + " series";
            } else {
                line = "FAIL no series";
                failures.add(query.where() + ": no series :: " + query.query());
            }
            if (report) {
                System.out.println("[observability] " + line + "  " + query.where());
            }
        }
        return failures;
    }

    /** Runs every SQL query on the subscriber's schema; returns those that fail or return no row. */
    private static List<String> checkSql(List<DashboardQueries.Query> sql) {
        List<String> failures = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            for (DashboardQueries.Query query : sql) {
                try (ResultSet rows = statement.executeQuery(query.query())) {
                    if (!rows.next()) {
                        failures.add(query.where() + ": no row :: " + query.query());
                    }
                } catch (SQLException e) {
                    failures.add(query.where() + ": " + e.getMessage() + " :: " + query.query());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database.url(), e);
        }
        return failures;
    }

    /** Alert name → health as {@code /api/v1/rules} reports it. */
    private static Map<String, String> ruleHealth() {
        Map<String, String> health = new TreeMap<>();
        for (JsonNode group : prometheus.rules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                health.put(rule.path("name").asString(), rule.path("health").asString());
            }
        }
        return health;
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertNames() throws IOException {
        List<String> alerts = new ArrayList<>();
        for (Path file : PrometheusTestConfiguration.ruleFiles(PROMETHEUS_CONFIG)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                Map<String, Object> rules = new Yaml().load(reader);
                for (Object group : (List<Object>) rules.get("groups")) {
                    for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                        Object alert = ((Map<String, Object>) rule).get("alert");
                        if (alert != null) {
                            alerts.add(alert.toString());
                        }
                    }
                }
            }
        }
        return alerts;
    }
}
