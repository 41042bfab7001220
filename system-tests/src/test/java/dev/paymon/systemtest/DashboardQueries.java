package dev.paymon.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Every query target of the Grafana dashboards JSON in a folder, with Grafana's variables and macros
 * replaced by values that a plain Prometheus instant query or a plain SQL statement understands.
 */
final class DashboardQueries {

    static final String PROMETHEUS = "prometheus";
    static final String POSTGRES = "postgres";

    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");

    /** One target of one panel; {@code query} is PromQL or SQL with the variables replaced. */
    record Query(String dashboard, String panel, String refId, String datasource, String query) {

        String where() {
            return dashboard + " / " + panel + " / " + refId;
        }
    }

    private DashboardQueries() {
    }

    static List<Query> read(Path folder) {
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = Http.JSON.readTree(Files.readString(file));
                Map<String, String> variables = variables(dashboard);
                panels(dashboard.path("panels")).forEach(panel -> panel.path("targets").forEach(target -> {
                    String datasource = target.path("datasource").path("uid").asString(
                            panel.path("datasource").path("uid").asString(""));
                    String query = PROMETHEUS.equals(datasource) ? target.path("expr").asString("")
                            : target.path("rawSql").asString("");
                    queries.add(new Query(dashboard.path("title").asString(), panel.path("title").asString(),
                            target.path("refId").asString(), datasource, substitute(query, variables)));
                }));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    /** Panels, including those nested in collapsed rows. */
    private static List<JsonNode> panels(JsonNode panels) {
        List<JsonNode> all = new ArrayList<>();
        panels.forEach(panel -> {
            all.add(panel);
            all.addAll(panels(panel.path("panels")));
        });
        return all;
    }

    /**
     * Grafana's built-ins as a 2 s-scrape Prometheus understands them, and each dashboard variable
     * as its "All" value; {@code $__timeFilter(column)} as the last hour.
     */
    private static Map<String, String> variables(JsonNode dashboard) {
        Map<String, String> variables = new LinkedHashMap<>();
        dashboard.path("templating").path("list").forEach(variable -> variables.put(variable.path("name").asString(),
                variable.path("allValue").asString(".*")));
        variables.put("__rate_interval", "1m");
        variables.put("__interval", "15s");
        variables.put("__range", "1h");
        return variables;
    }

    private static String substitute(String query, Map<String, String> variables) {
        Matcher filter = TIME_FILTER.matcher(query);
        String result = filter.replaceAll(match ->
                Matcher.quoteReplacement(match.group(1) + " BETWEEN NOW() - INTERVAL '1 hour' AND NOW()"));
        // Longest names first, so that $__range does not eat $__range_s.
        List<String> names = variables.keySet().stream()
                .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
        for (String name : names) {
            result = result.replace("${" + name + "}", variables.get(name)).replace("$" + name, variables.get(name));
        }
        return result;
    }
}
