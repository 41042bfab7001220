package dev.paymon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.deploy.ComposeService.Mount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets flow of {@code docker-compose.yml}: {@code secrets-init} makes every secret on the first start and
 * hands each container exactly the files it reads; nothing has to be set by hand. {@code docker/secrets-init.sh} is
 * run here for real (sh, temporary folders as its volumes).
 */
class SecretsTests {

    /** {@code $${NAME}} in an environment value: a Spring placeholder that the configtree import resolves. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\$\\{([A-Z_]+)}");
    /** A file of the secrets mount named anywhere in a service (environment, command). */
    private static final Pattern SECRET_FILE = Pattern.compile(Pattern.quote(Secrets.MOUNT) + "/([A-Za-z_.]+)");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void everySecretAServiceReadsIsHandedToTheVolumeItMounts() {
        Map<String, List<String>> handedOut = Secrets.handedOut();
        List<String> problems = new ArrayList<>();
        int read = 0;
        for (ComposeService service : compose.services().values()) {
            String consumer = service.mounts().stream()
                    .filter(mount -> Secrets.MOUNT.equals(mount.target()))
                    .map(mount -> Secrets.consumerOf(mount.source())).findFirst().orElse(null);
            Set<String> names = new HashSet<>();
            String text = String.join(" ", service.environment().values().stream().map(String::valueOf).toList())
                    + " " + String.join(" ", service.command());
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                names.add(placeholder.group(1));
            }
            Matcher file = SECRET_FILE.matcher(text);
            while (file.find()) {
                names.add(file.group(1));
            }
            if (names.isEmpty()) {
                continue;
            }
            if (consumer == null) {
                problems.add(service.name() + " reads " + names + " but mounts no secrets volume at " + Secrets.MOUNT);
                continue;
            }
            for (String name : names) {
                read++;
                if (!handedOut.getOrDefault(consumer, List.of()).contains(name)) {
                    problems.add(service.name() + " reads " + name + ", which secrets-init does not hand to " + consumer);
                }
            }
            if (text.contains("$${")) {
                assertThat(service.environment()).as(service.name() + ": placeholders need the configtree import")
                        .containsEntry("SPRING_CONFIG_IMPORT", "configtree:" + Secrets.MOUNT + "/");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(read).as("secrets read by the services").isGreaterThan(15);
    }

    @Test
    void eachConsumerVolumeIsMountedOnlyAtTheSecretsPathAndTheStoreOnlyBySecretsInit() {
        Set<String> consumers = Secrets.handedOut().keySet();
        assertThat(consumers).contains("kafka", "publisher", "processor", "subscriber", "postgres", "grafana", "demo");
        for (String consumer : consumers) {
            assertThat(compose.declaredVolumes()).contains(consumer + "-secrets");
        }
        for (ComposeService service : compose.services().values()) {
            for (Mount mount : service.mounts()) {
                if (service.name().equals("secrets-init")) {
                    continue;
                }
                assertThat(mount.source()).as(service.name() + ": the store of every secret").isNotEqualTo("secrets");
                if (Secrets.consumerOf(mount.source()) != null) {
                    assertThat(mount.target()).as(service.name() + " " + mount.source()).isEqualTo(Secrets.MOUNT);
                }
            }
        }
        ComposeService init = compose.service("secrets-init");
        assertThat(init.restart()).isEqualTo("no");
        assertThat(init.profiles()).isEmpty();
        for (String consumer : consumers) {
            assertThat(init.mounts()).extracting(Mount::source, Mount::target)
                    .contains(org.assertj.core.groups.Tuple.tuple(consumer + "-secrets", "/out/" + consumer));
        }
    }

    @Test
    void everyContainerThatReadsSecretsStartsAfterSecretsInit() {
        Map<String, ComposeService> services = compose.services();
        for (ComposeService service : services.values()) {
            boolean readsSecrets = service.mounts().stream().anyMatch(mount -> Secrets.consumerOf(mount.source()) != null);
            if (!readsSecrets || service.name().equals("secrets-init")) {
                continue;
            }
            assertThat(waitsFor(services, service.name(), "secrets-init")).as(service.name() + " waits for secrets-init")
                    .isTrue();
        }
    }

    @Test
    void makesEverySecretOnceKeepsThemAndHandsEachConsumerOnlyItsOwn(@TempDir Path dir) throws Exception {
        Path store = Files.createDirectories(dir.resolve("secrets"));
        Map<String, List<String>> handedOut = Secrets.handedOut();
        for (String consumer : handedOut.keySet()) {
            Files.createDirectories(dir.resolve("out").resolve(consumer));
        }

        Run first = run(dir, Map.of(), "init");
        assertThat(first.exitCode()).as(first.errors()).isZero();
        Map<String, String> firstValues = read(dir, handedOut);
        for (var consumer : handedOut.entrySet()) {
            Path directory = dir.resolve("out").resolve(consumer.getKey());
            try (var files = Files.list(directory)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .as(consumer.getKey() + " gets exactly its own").containsExactlyInAnyOrderElementsOf(consumer.getValue());
            }
            for (String name : consumer.getValue()) {
                assertThat(Files.getPosixFilePermissions(directory.resolve(name))).as(consumer.getKey() + "/" + name)
                        .containsExactly(PosixFilePermission.OWNER_READ);
            }
        }
        assertThat(firstValues.get("KAFKA_ADMIN_PASSWORD")).matches("[A-Za-z0-9_-]{43}");
        String operatorKey = run(dir, Map.of(), "operator-key").output().strip();
        assertThat(operatorKey).matches("pk_[A-Za-z0-9_-]{43}");
        assertThat(firstValues.get("PAYMON_API_KEY_HASH")).isEqualTo("sha256:" + sha256(operatorKey));
        assertThat(run(dir, Map.of(), "ingest-key").output().strip()).isNotEqualTo(operatorKey)
                .satisfies(key -> assertThat(firstValues.get("PAYMON_INGEST_KEY_HASH")).isEqualTo("sha256:" + sha256(key)));
        assertThat(Files.readString(dir.resolve("out/kafka/kafka_server_jaas.conf")))
                .contains("internal.KafkaServer", "controller.KafkaServer", "external.KafkaServer",
                        "password=\"" + firstValues.get("KAFKA_ADMIN_PASSWORD") + "\"",
                        "user_admin=\"" + firstValues.get("KAFKA_ADMIN_PASSWORD") + "\"");
        assertThat(Files.readString(dir.resolve("out/kafka/kafka_server_jaas.conf"))
                .substring(Files.readString(dir.resolve("out/kafka/kafka_server_jaas.conf")).indexOf("external.KafkaServer")))
                .as("EXTERNAL: no PLAIN login, hence no admin login from the host").doesNotContain("PlainLoginModule");
        assertThat(Files.getPosixFilePermissions(store.resolve("PAYMON_API_KEY")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Run again = run(dir, Map.of(), "init");
        assertThat(again.exitCode()).as(again.errors()).isZero();
        assertThat(read(dir, handedOut)).as("a second start hands out the same secrets").isEqualTo(firstValues);

        String ownHash = "sha256:" + sha256("pk_my-own-key-made-elsewhere");
        Run own = run(dir, Map.of("PAYMON_API_KEY_HASH", ownHash, "POSTGRES_PASSWORD", "my-own-password-1"), "init");
        assertThat(own.exitCode()).as(own.errors()).isZero();
        assertThat(read(dir, handedOut)).containsEntry("PAYMON_API_KEY_HASH", ownHash)
                .containsEntry("POSTGRES_PASSWORD", "my-own-password-1")
                .containsEntry("PAYMON_INGEST_KEY_HASH", firstValues.get("PAYMON_INGEST_KEY_HASH"));
        Run ownKey = run(dir, Map.of(), "operator-key");
        assertThat(ownKey.exitCode()).isEqualTo(1);
        assertThat(ownKey.errors()).contains("brought as a hash");
    }

    @Test
    void refusesToRunWithoutTheVolumesOfItsConsumers(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Run run = run(dir, Map.of(), "init");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).contains("/out/kafka is not mounted");
    }

    /** Every secret as the consumers got it (name → value; the same name has the same value everywhere). */
    private static Map<String, String> read(Path dir, Map<String, List<String>> handedOut) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (var consumer : handedOut.entrySet()) {
            for (String name : consumer.getValue()) {
                String value = Files.readString(dir.resolve("out").resolve(consumer.getKey()).resolve(name));
                String earlier = values.putIfAbsent(name, value);
                assertThat(earlier == null || earlier.equals(value)).as(name + " is the same for every consumer").isTrue();
            }
        }
        return values;
    }

    private static boolean waitsFor(Map<String, ComposeService> services, String from, String target) {
        ArrayDeque<String> next = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            String name = next.pop();
            if (!seen.add(name) || !services.containsKey(name)) {
                continue;
            }
            for (String dependency : services.get(name).dependsOn().keySet()) {
                if (dependency.equals(target)) {
                    return true;
                }
                next.add(dependency);
            }
        }
        return false;
    }

    private record Run(int exitCode, String output, String errors) {
    }

    private static Run run(Path dir, Map<String, String> variables, String command) throws Exception {
        ProcessBuilder sh = new ProcessBuilder("sh", Repository.file(Secrets.SCRIPT).toString(), command);
        String self = uidGid();
        sh.environment().putAll(Map.of("SECRETS_STORE", dir.resolve("secrets").toString(),
                "SECRETS_OUT", dir.resolve("out").toString(), "KAFKA_OWNER", self, "SERVICE_OWNER", self,
                "POSTGRES_OWNER", self, "GRAFANA_OWNER", self, "DEMO_OWNER", self));
        sh.environment().putAll(variables);
        Process process = sh.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("secrets-init.sh did not finish");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String uidGid() throws Exception {
        Process id = new ProcessBuilder("sh", "-c", "echo \"$(id -u):$(id -g)\"").start();
        id.waitFor(10, TimeUnit.SECONDS);
        return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
