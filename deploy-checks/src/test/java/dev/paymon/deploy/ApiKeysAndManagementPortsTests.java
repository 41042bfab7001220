package dev.paymon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.deploy.ComposeService.Port;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How the compose stack is secured: actuator endpoints on a management port that only the compose network (and so
 * Prometheus) reaches, API keys given to the services as hashes from variables each deployment sets, and no key
 * committed anywhere.
 */
class ApiKeysAndManagementPortsTests {

    private static final Set<String> ROLES = Set.of("ingest", "admin", "read", "operate", "simulate");
    private static final Pattern KEY_VARIABLE = Pattern.compile("PAYMON_SECURITY_APIKEYS_(\\d+)_(NAME|HASH|ROLES)");
    /** A key as the tools make it: pk_ and 43 base64url characters (32 random bytes). */
    private static final Pattern KEY_LITERAL = Pattern.compile("pk_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");
    /** Folders not searched for keys: build output, local data, and tests, whose keys are made-up test keys. */
    private static final Set<String> NOT_SEARCHED = Set.of(".git", "target", ".local", ".idea", "node_modules",
            "test", "test-support");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void eachServiceHasAManagementPortExposedInsideTheNetworkButNeverPublished() {
        for (String name : ServiceModule.SERVICES) {
            ComposeService service = compose.service(name);
            String managementPort = service.environment().get("MANAGEMENT_SERVER_PORT");
            assertThat(managementPort).as(name + " MANAGEMENT_SERVER_PORT").matches("\\d+")
                    .isNotEqualTo(new ServiceModule(name).serverPort());
            assertThat(service.expose()).as(name + " exposed ports").contains(managementPort);
            assertThat(service.ports()).as(name + " published ports").extracting(Port::target)
                    .doesNotContain(managementPort);
        }
    }

    @Test
    void theManagementPortIsTheOneOfTheServicesApplicationYml() {
        for (String name : ServiceModule.SERVICES) {
            assertThat(compose.service(name).environment().get("MANAGEMENT_SERVER_PORT")).as(name)
                    .isEqualTo(new ServiceModule(name).managementPort());
        }
    }

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPort() {
        Map<String, List<String>> targets = scrapeTargets();
        for (String name : ServiceModule.SERVICES) {
            String managementPort = compose.service(name).environment().get("MANAGEMENT_SERVER_PORT");
            assertThat(targets.get(name)).as("targets of the Prometheus job " + name)
                    .isNotEmpty()
                    .allMatch(target -> target.equals(name + ":" + managementPort));
        }
    }

    @Test
    void everyServiceAcceptsTheSameKeysGivenAsHashesFromTheSecretsSecretsInitMakes() {
        Map<Integer, Map<String, String>> publisherKeys = apiKeys("publisher-service");
        assertThat(publisherKeys).as("API keys of publisher-service").isNotEmpty();
        assertThat(publisherKeys.keySet()).as("key indexes, from 0 without gaps")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, publisherKeys.size()).boxed().toList());
        for (String name : ServiceModule.SERVICES) {
            assertThat(apiKeys(name)).as(name + " keys, as the publisher's").isEqualTo(publisherKeys);
        }
        publisherKeys.forEach((index, key) -> {
            assertThat(key).as("key " + index).containsOnlyKeys("NAME", "HASH", "ROLES");
            assertThat(key.get("NAME")).as("key " + index + " name").isNotBlank();
            Matcher hash = Pattern.compile("\\$\\$\\{(\\w+_HASH)}").matcher(key.get("HASH"));
            assertThat(hash.matches()).as("key " + index + " hash " + key.get("HASH")
                    + ": a secret's placeholder ($${NAME_HASH}), never a value in the compose file").isTrue();
            for (String service : ServiceModule.SERVICES) {
                assertThat(Secrets.handedOut().get(service.replaceFirst("-service$", ""))).as(service)
                        .contains(hash.group(1));
            }
            assertThat(List.of(key.get("ROLES").split(","))).as("key " + index + " roles").isSubsetOf(ROLES);
        });
        assertThat(publisherKeys.values()).as("a key with every role (the operator's)")
                .anySatisfy(key -> assertThat(List.of(key.get("ROLES").split(","))).containsAll(ROLES));
    }

    @Test
    void noApiKeyIsCommittedOutsideTheTests() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Repository.root())) {
            files.filter(Files::isRegularFile)
                    .filter(file -> searched(Repository.root().relativize(file)))
                    .forEach(file -> {
                        Matcher key = KEY_LITERAL.matcher(text(file));
                        while (key.find()) {
                            found.add(Repository.root().relativize(file) + ": " + key.group().substring(0, 8) + "...");
                        }
                    });
        }
        assertThat(found).as("API keys in committed files (keys belong in a shell or .local/api-key)").isEmpty();
    }

    /** {@code PAYMON_SECURITY_APIKEYS_<n>_<field>} of a service: index → field → value. */
    private Map<Integer, Map<String, String>> apiKeys(String service) {
        Map<Integer, Map<String, String>> keys = new TreeMap<>();
        compose.service(service).environment().forEach((variable, value) -> {
            Matcher matcher = KEY_VARIABLE.matcher(variable);
            if (matcher.matches()) {
                keys.computeIfAbsent(Integer.parseInt(matcher.group(1)), index -> new LinkedHashMap<>())
                        .put(matcher.group(2), value);
            }
        });
        return keys;
    }

    /** Job name → {@code host:port} targets of observability/prometheus/prometheus.yml, static and DNS. */
    private static Map<String, List<String>> scrapeTargets() {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(Repository.file("observability/prometheus/prometheus.yml"))) {
            Map<String, Object> config = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            for (Object job : Yamls.list(config.get("scrape_configs"))) {
                Map<String, Object> scrape = Yamls.map(job);
                List<String> jobTargets = new ArrayList<>();
                for (Object staticConfig : Yamls.list(scrape.get("static_configs"))) {
                    Yamls.list(Yamls.map(staticConfig).get("targets")).forEach(t -> jobTargets.add(String.valueOf(t)));
                }
                for (Object dns : Yamls.list(scrape.get("dns_sd_configs"))) {
                    Map<String, Object> sd = Yamls.map(dns);
                    Yamls.list(sd.get("names")).forEach(n -> jobTargets.add(n + ":" + sd.get("port")));
                }
                assertThat(scrape.getOrDefault("metrics_path", "/metrics")).as("metrics path of " + scrape.get("job_name"))
                        .isIn("/metrics", "/actuator/prometheus");
                targets.put(String.valueOf(scrape.get("job_name")), jobTargets);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }

    private static boolean searched(Path relative) {
        for (Path element : relative) {
            if (NOT_SEARCHED.contains(element.toString())) {
                return false;
            }
        }
        return true;
    }

    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
