package dev.paymon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Anonymous Grafana viewers can query every data source, so the PostgreSQL one logs in as {@code grafana_reader}, a
 * role that {@code docker/postgres/dashboard-reader.sql} allows to read exactly the tables the dashboards query
 * (what the role can and cannot do on a real PostgreSQL: the subscriber's DashboardReaderPostgresIT).
 */
class DashboardReaderTests {

    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern GRANT = Pattern.compile("(?im)^GRANT SELECT ON ([a-z_, ]+) TO grafana_reader;");

    @Test
    void thePostgresDataSourceLogsInAsTheReaderWithItsSecretFile() throws IOException {
        Map<String, Object> source = postgresDataSource();
        assertThat(source.get("user")).isEqualTo("grafana_reader");
        assertThat(Yamls.map(source.get("secureJsonData")).get("password"))
                .isEqualTo("$__file{" + Secrets.MOUNT + "/GRAFANA_DB_PASSWORD}");
        assertThat(Secrets.handedOut().get("grafana")).contains("GRAFANA_DB_PASSWORD")
                .doesNotContain("POSTGRES_PASSWORD");
        assertThat(Secrets.handedOut().get("postgres")).contains("GRAFANA_DB_PASSWORD", "POSTGRES_PASSWORD");
    }

    @Test
    void theReaderMayReadExactlyTheTablesTheDashboardsQuery() throws IOException {
        Matcher grant = GRANT.matcher(Files.readString(Repository.file("docker/postgres/dashboard-reader.sql")));
        assertThat(grant.find()).as("GRANT SELECT ... TO grafana_reader").isTrue();
        Set<String> granted = new TreeSet<>(List.of(grant.group(1).replace(" ", "").split(",")));
        assertThat(granted).isEqualTo(tablesTheDashboardsQuery());
    }

    @Test
    void theRoleIsSetOnEveryStartOnceTheSubscriberHasMigratedAndBeforeGrafanaStarts() {
        ComposeFile compose = ComposeFile.load();
        ComposeService reader = compose.service("dashboard-reader");
        assertThat(reader.restart()).isEqualTo("no");
        assertThat(reader.dependsOn()).containsEntry("subscriber-service", "service_healthy");
        assertThat(String.join(" ", reader.command())).contains("-f /opt/paymon/dashboard-reader.sql",
                "-v password=\"$$(cat " + Secrets.MOUNT + "/GRAFANA_DB_PASSWORD)\"", "ON_ERROR_STOP=1");
        assertThat(compose.service("grafana").dependsOn()).containsEntry("dashboard-reader", "service_completed_successfully");
    }

    private static Set<String> tablesTheDashboardsQuery() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(Repository.file("observability/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonMapper.shared().readTree(Files.readString(file)).findValues("rawSql").stream().map(JsonNode::asString)
                        .forEach(sql -> {
                            Matcher table = TABLE.matcher(sql);
                            while (table.find()) {
                                tables.add(table.group(1).toLowerCase());
                            }
                        });
            }
        }
        assertThat(tables).as("tables in the dashboards' SQL").isNotEmpty();
        return tables;
    }

    private static Map<String, Object> postgresDataSource() throws IOException {
        try (Stream<Path> files = Files.list(Repository.file("observability/grafana/provisioning/datasources"));
             Reader reader = Files.newBufferedReader(files.filter(f -> f.toString().endsWith(".yml")).findFirst()
                     .orElseThrow())) {
            Map<String, Object> config = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return Yamls.list(config.get("datasources")).stream().map(Yamls::map)
                    .filter(source -> "grafana-postgresql-datasource".equals(source.get("type")))
                    .findFirst().orElseThrow();
        }
    }
}
