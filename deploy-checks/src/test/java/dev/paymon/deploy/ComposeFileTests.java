package dev.paymon.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paymon.deploy.ComposeService.Mount;
import dev.paymon.deploy.ComposeService.Port;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The structure of {@code docker-compose.yml}: reproducible images, health checks that gate start-up order,
 * volumes, mounts and the demo profile. Reads the file only; no Docker engine needed.
 */
class ComposeFileTests {

    /** The host address of every published port: loopback unless .env or the shell sets another. */
    static final String PUBLISH_ADDRESS = "${PUBLISH_ADDRESS:-127.0.0.1}";

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void everyServiceRunsAPinnedImageOrIsBuiltFromTheRepository() {
        List<String> problems = new ArrayList<>();
        compose.services().values().forEach(service -> {
            String image = service.image();
            Map<String, Object> build = service.build();
            if (image == null && build.isEmpty()) {
                problems.add(service.name() + ": neither image nor build");
            }
            if (image != null && !ImageReference.isPinned(image)) {
                problems.add(service.name() + ": image " + image + " is not pinned to a version tag or digest");
            }
            if (!build.isEmpty()) {
                var context = Repository.file(String.valueOf(build.getOrDefault("context", ".")));
                var dockerfile = context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")));
                if (!Files.isRegularFile(dockerfile)) {
                    problems.add(service.name() + ": no Dockerfile at " + Repository.root().relativize(dockerfile));
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyLongRunningContainerHasAHealthCheckAndOneShotJobsNeedAProfile() {
        List<String> problems = new ArrayList<>();
        compose.services().values().forEach(service -> {
            boolean oneShot = "no".equals(service.restart());
            if (!oneShot && (service.healthcheckCommand().isBlank() || Boolean.TRUE.equals(service.healthcheck().get("disable")))) {
                problems.add(service.name() + ": no health check");
            }
            if (!oneShot && service.restart() == null) {
                problems.add(service.name() + ": no restart policy (long-running services restart, one-shot jobs say restart: \"no\")");
            }
            if (oneShot && service.profiles().isEmpty() && !awaitedAsSetup(service.name())) {
                problems.add(service.name() + ": a one-shot job without a health check must be in a profile"
                        + " or be a setup step others wait for (service_completed_successfully)");
            }
        });
        assertThat(problems).isEmpty();
    }

    /** Some service waits for {@code name} to complete: it is a setup step, not a stray job. */
    private boolean awaitedAsSetup(String name) {
        return compose.services().values().stream()
                .anyMatch(other -> "service_completed_successfully".equals(other.dependsOn().get(name)));
    }

    @Test
    void theBrokersLoadTheMetricsAgentVersionTheSystemTestsProve() throws Exception {
        String pom = Files.readString(Repository.root().resolve("system-tests").resolve("pom.xml"));
        Matcher version = Pattern.compile("<jmx-exporter.version>([^<]+)</jmx-exporter.version>").matcher(pom);
        assertThat(version.find()).as("jmx-exporter.version in system-tests/pom.xml").isTrue();
        ComposeService fetch = compose.service("kafka-jmx-exporter");
        assertThat(String.join(" ", fetch.command())).contains(
                "jmx_prometheus_javaagent/" + version.group(1) + "/jmx_prometheus_javaagent-" + version.group(1) + ".jar");
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            assertThat(compose.service(broker).environment().get("KAFKA_OPTS")).as(broker)
                    .contains("-javaagent:/opt/jmx-exporter/jmx_prometheus_javaagent.jar=9404:/etc/jmx-exporter/kafka.yml");
            assertThat(compose.service(broker).dependsOn())
                    .containsEntry("kafka-jmx-exporter", "service_completed_successfully");
        }
    }

    @Test
    void dependenciesWaitUntilTheirTargetIsHealthy() {
        Map<String, ComposeService> services = compose.services();
        List<String> problems = new ArrayList<>();
        services.values().forEach(service -> service.dependsOn().forEach((target, condition) -> {
            if (!services.containsKey(target)) {
                problems.add(service.name() + " depends on unknown service " + target);
            } else if ("no".equals(services.get(target).restart())) {
                if (!"service_completed_successfully".equals(condition)) {
                    problems.add(service.name() + " -> " + target + ": a one-shot job is waited for with"
                            + " service_completed_successfully, not " + condition);
                }
            } else if (!"service_healthy".equals(condition)) {
                problems.add(service.name() + " -> " + target + ": condition " + condition + " instead of service_healthy");
            } else if (services.get(target).healthcheckCommand().isBlank()) {
                problems.add(service.name() + " -> " + target + ": the target has no health check");
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(compose.service("subscriber-service").dependsOn()).containsKeys("postgres", "kafka-1", "kafka-2", "kafka-3");
    }

    @Test
    void namedVolumesAreDeclaredAndUsed() {
        List<String> used = compose.services().values().stream()
                .flatMap(service -> service.mounts().stream())
                .filter(mount -> !mount.isBind() && mount.source() != null)
                .map(Mount::source)
                .toList();
        assertThat(compose.declaredVolumes()).containsAll(used);
        assertThat(used).containsAll(compose.declaredVolumes());
    }

    @Test
    void everyRepositoryPathMountedIntoAContainerExists() {
        List<String> missing = compose.services().values().stream()
                .flatMap(service -> service.mounts().stream().filter(Mount::isBind)
                        .filter(mount -> !Files.exists(Repository.file(mount.source())))
                        .map(mount -> service.name() + ": " + mount.source()))
                .toList();
        assertThat(missing).as("mounted paths missing from the repository").isEmpty();
    }

    @Test
    void eachServicePublishesAndChecksHealthOnTheServerPortOfItsApplicationYml() {
        for (String name : ServiceModule.SERVICES) {
            ComposeService service = compose.service(name);
            String serverPort = new ServiceModule(name).serverPort();
            String managementPort = service.environment().get("MANAGEMENT_SERVER_PORT");
            assertThat(service.ports()).as(name + " ports").extracting(Port::target).allMatch(serverPort::equals);
            assertThat(service.ports()).as(name + " host ports").extracting(Port::published)
                    .allMatch(published -> published == null || published.equals(serverPort));
            assertThat(service.expose()).as(name + " exposed ports (public and management)")
                    .allMatch(port -> port.equals(serverPort) || port.equals(managementPort));
            assertThat(service.ports().size() + service.expose().size()).as(name + " ports").isPositive();
            // The public port answers health anonymously (status only), so the check needs no key.
            assertThat(service.healthcheckPort()).as(name + " health check port").isEqualTo(serverPort);
            assertThat(service.healthcheckCommand()).as(name + " health check")
                    .contains("/actuator/health/readiness");
            assertThat(service.buildArgs()).as(name + " build args")
                    .containsEntry("SERVICE", name)
                    .containsEntry("PORT", serverPort);
        }
    }

    /** Secure by default: nothing is reachable from other machines until PUBLISH_ADDRESS says so. */
    @Test
    void everyPublishedPortListensOnLoopbackUnlessPublishAddressOpensIt() {
        Map<String, List<Port>> published = new TreeMap<>();
        compose.services().forEach((name, service) -> {
            if (!service.ports().isEmpty()) {
                published.put(name, service.ports());
            }
        });

        assertThat(published).as("services with published ports").containsOnlyKeys("kafka-1", "kafka-2", "kafka-3",
                "publisher-service", "subscriber-service", "prometheus", "alertmanager", "grafana");
        published.forEach((name, ports) -> assertThat(ports).as(name + " ports").extracting(Port::host)
                .containsOnly(PUBLISH_ADDRESS));
        assertThat(DotEnv.load()).containsEntry("PUBLISH_ADDRESS", "127.0.0.1");
    }

    @Test
    void theProcessorCanBeScaled() {
        ComposeService processor = compose.service("processor-service");
        assertThat(processor.containerName()).as("container_name (unique per container)").isNull();
        assertThat(processor.ports()).as("host ports (one per host)").extracting(Port::published).allMatch(Objects::isNull);
        // Each replica gets its own state directory: an anonymous volume, not a named one all replicas would share.
        String stateDir = processor.environment().get("SPRING_KAFKA_STREAMS_STATEDIR");
        assertThat(stateDir).isNotBlank();
        assertThat(processor.mounts())
                .anySatisfy(mount -> {
                    assertThat(stateDir).startsWith(mount.target() + "/");
                    assertThat(mount.source()).as("volume name").isNull();
                    assertThat(mount.isBind()).isFalse();
                });
    }

    @Test
    void theSubscriberStoresItsProjectionsInThePostgresService() {
        Map<String, String> environment = compose.service("subscriber-service").environment();
        assertThat(environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(environment).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        assertThat(compose.service("postgres").mounts())
                .anySatisfy(mount -> assertThat(compose.declaredVolumes()).contains(mount.source()));
    }

    @Test
    void prometheusAndGrafanaReadTheRepositoryConfiguration() {
        assertThat(compose.service("prometheus").mounts())
                .anySatisfy(mount -> {
                    assertThat(mount.source()).isEqualTo("./observability/prometheus");
                    assertThat(mount.target()).isEqualTo("/etc/prometheus");
                });
        assertThat(compose.service("grafana").mounts()).extracting(Mount::source, Mount::target)
                .contains(tuple("./observability/grafana/provisioning", "/etc/grafana/provisioning"),
                        tuple("./observability/grafana/dashboards", "/var/lib/grafana/dashboards"));
        assertThat(compose.service("grafana").environment())
                .containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
                .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer")
                .containsEntry("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/paymon/GRAFANA_ADMIN_PASSWORD");
        assertThat(compose.service("grafana").ports()).contains(new Port(PUBLISH_ADDRESS, "3000", "3000"));
        assertThat(compose.service("prometheus").ports()).contains(new Port(PUBLISH_ADDRESS, "9090", "9090"));
    }

    @Test
    void theDemoProfileStartsTheSimulatorWithTheDemoKeyOnceThePublisherIsHealthy() {
        ComposeService demo = compose.service("demo");
        String publisherPort = new ServiceModule("publisher-service").serverPort();
        assertThat(demo.profiles()).containsExactly("demo");
        assertThat(demo.dependsOn()).containsEntry("publisher-service", "service_healthy");
        String commandLine = String.join(" ", demo.command());
        assertThat(commandLine)
                .contains("POST", "http://publisher-service:" + publisherPort + "/api/v1/simulations", "ratePerSecond")
                .contains("X-API-Key: $$(cat /run/secrets/paymon/PAYMON_DEMO_KEY)");
        // The demo's own key, whose only role is simulate: never the operator's.
        assertThat(Secrets.handedOut().get("demo")).containsExactly("PAYMON_DEMO_KEY");
        assertThat(demo.mounts()).extracting(Mount::source, Mount::target)
                .contains(tuple("demo-secrets", "/run/secrets/paymon"));
        assertThat(compose.service("publisher-service").environment())
                .containsEntry("PAYMON_SECURITY_APIKEYS_2_HASH", "$${PAYMON_DEMO_KEY_HASH}")
                .containsEntry("PAYMON_SECURITY_APIKEYS_2_ROLES", "simulate");
        assertThat(compose.servicesWithoutProfile()).doesNotContain(demo);
    }

    @Test
    void everyThirdPartyImageIsTheOfficialOneUnlessItsVariableNamesAStandIn() throws Exception {
        compose.services().values().stream().filter(service -> service.imageAsWritten() != null).forEach(service ->
                assertThat(service.imageVariable()).as(service.name() + " image " + service.imageAsWritten()
                        + ": ${<NAME>_IMAGE:-<official image>}").isPresent());
        assertThat(compose.service("kafka-1").image()).isEqualTo("apache/kafka:4.1.2");
        assertThat(compose.service("postgres").image()).isEqualTo("postgres:17.6");
        String dockerfile = Files.readString(Repository.file("docker/service.Dockerfile"));
        for (String service : ServiceModule.SERVICES) {
            Map<String, Object> args = Yamls.map(compose.service(service).build().get("args"));
            assertThat(args).as(service + " build args")
                    .containsEntry("JDK_IMAGE", "${JDK_IMAGE:-eclipse-temurin:17-jdk}")
                    .containsEntry("JRE_IMAGE", "${JRE_IMAGE:-eclipse-temurin:17-jre}");
        }
        assertThat(dockerfile).contains("ARG JDK_IMAGE=eclipse-temurin:17-jdk", "ARG JRE_IMAGE=eclipse-temurin:17-jre",
                "FROM ${JDK_IMAGE} AS build", "FROM ${JRE_IMAGE}");
    }

    @Test
    void everyVariableWithoutDefaultIsSetInDotEnv() {
        assertThat(DotEnv.load().keySet()).containsAll(compose.variablesWithoutDefault());
    }

    @Test
    void nothingHasToBeSetBeforeTheFirstStartAndDotEnvHoldsSettingsOnly() {
        assertThat(compose.requiredVariables()).as("variables compose refuses to start without").isEmpty();
        assertThat(DotEnv.load().keySet()).as(".env (committed): settings, no secret")
                .noneMatch(name -> name.matches(".*(PASSWORD|SECRET|TOKEN|_KEY|HASH).*"));
        assertThat(Repository.file(".env.example")).as("no template that asks for secrets in a tracked file")
                .doesNotExist();
    }
}
