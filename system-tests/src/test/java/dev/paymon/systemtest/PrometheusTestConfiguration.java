package dev.paymon.systemtest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns the repository's {@code observability/prometheus/prometheus.yml} into a configuration for
 * the local test stack: the same jobs, metrics paths and rule files, every target (static or found
 * by DNS) rewritten to the local port of the service it names, a short scrape interval.
 * A target the test does not know fails loudly, so a job added to the file is tested too.
 */
final class PrometheusTestConfiguration {

    private PrometheusTestConfiguration() {
    }

    /**
     * @param source      the repository's prometheus.yml
     * @param targets     compose target ({@code host:port}) → local target
     * @param interval    scrape and rule evaluation interval, e.g. {@code 2s}
     * @return the configuration as JSON, which Prometheus reads as YAML
     */
    static String generate(Path source, Map<String, String> targets, String interval) {
        Map<String, Object> config = read(source);
        Map<String, Object> global = new LinkedHashMap<>(map(config.getOrDefault("global", Map.of())));
        global.put("scrape_interval", interval);
        global.put("scrape_timeout", interval);
        global.put("evaluation_interval", interval);
        config.put("global", global);
        // The compose stack's Alertmanager does not run here (PromtoolIT checks its configuration).
        config.remove("alerting");

        Path directory = source.toAbsolutePath().getParent();
        config.put("rule_files", list(config.getOrDefault("rule_files", List.of())).stream()
                .map(file -> directory.resolve(file.toString()).normalize().toString()).toList());

        List<Object> jobs = new ArrayList<>();
        for (Object job : list(config.getOrDefault("scrape_configs", List.of()))) {
            jobs.add(localJob(map(job), targets));
        }
        config.put("scrape_configs", jobs);
        return Http.JSON.writeValueAsString(config);
    }

    /** The rule files the repository's configuration names, resolved against its folder. */
    static List<Path> ruleFiles(Path source) {
        Path directory = source.toAbsolutePath().getParent();
        return list(read(source).getOrDefault("rule_files", List.of())).stream()
                .map(file -> directory.resolve(file.toString()).normalize()).toList();
    }

    private static Map<String, Object> localJob(Map<String, Object> job, Map<String, String> targets) {
        Map<String, Object> local = new LinkedHashMap<>(job);
        List<String> composeTargets = new ArrayList<>();
        for (Object staticConfig : list(local.getOrDefault("static_configs", List.of()))) {
            list(map(staticConfig).get("targets")).forEach(target -> composeTargets.add(target.toString()));
        }
        for (Object dns : list(local.getOrDefault("dns_sd_configs", List.of()))) {
            Map<String, Object> sd = map(dns);
            list(sd.get("names")).forEach(name -> composeTargets.add(name + ":" + sd.get("port")));
        }
        local.remove("dns_sd_configs");
        local.remove("scrape_interval");
        local.remove("scrape_timeout");
        List<String> localTargets = composeTargets.stream().map(target -> {
            String mapped = targets.get(target);
            if (mapped == null) {
                throw new IllegalStateException("job " + job.get("job_name") + " scrapes " + target
                        + ", which the test stack does not run; known: " + targets.keySet());
            }
            return mapped;
        }).distinct().toList();
        local.put("static_configs", List.of(Map.of("targets", localTargets)));
        return local;
    }

    private static Map<String, Object> read(Path source) {
        try (Reader reader = Files.newBufferedReader(source)) {
            Map<String, Object> config = new Yaml().load(reader);
            return new LinkedHashMap<>(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }
}
