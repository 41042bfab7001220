package dev.paymon.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's run command as a user runs it: the launcher jar starts broker and services with the
 * embedded defaults (H2 database), makes an API key in a file only its owner can read and prints it,
 * serves a payment end to end with that key and refuses calls without it, stops every child JVM on
 * SIGTERM, and keeps the data and the key for the next start.
 */
class LocalLauncherIT {

    private static final Duration START = Duration.ofMinutes(4);

    private final Path dataDir = SystemStack.newDataDir("launcher");
    private final int publisherPort = FreePorts.next();
    private final int subscriberPort = FreePorts.next();
    private final int subscriberManagementPort = FreePorts.next();
    private final List<String> ports = List.of(
            "--broker-port=" + FreePorts.next(), "--controller-port=" + FreePorts.next(),
            "--publisher-port=" + publisherPort, "--processor-port=" + FreePorts.next(),
            "--subscriber-port=" + subscriberPort,
            "--publisher-management-port=" + FreePorts.next(), "--processor-management-port=" + FreePorts.next(),
            "--subscriber-management-port=" + subscriberManagementPort);
    private final Path keyFile = dataDir.resolve("api-key");

    @Test
    void runsThePipelineWithItsOwnKeyStopsEveryChildOnSigtermAndKeepsDataAndKeyForTheNextStart() throws Exception {
        Path firstOutput = dataDir.resolve("first.out");
        Process first = launch(firstOutput);
        String key = Files.readString(keyFile).strip();
        assertThat(key).matches("pk_[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Files.readString(firstOutput)).contains("export PAYMON_API_KEY=" + key, keyFile.toString(),
                "http://localhost:" + subscriberManagementPort + "/actuator/prometheus");
        Http.Client user = Http.as(key);
        String paymentId = "launcher-" + UUID.randomUUID();
        assertThat(user.post(publisher() + "/api/v1/payments",
                PipelineRoundTripIT.payment(paymentId, "acc-launcher", "42.50", "EUR")).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> user.get(subscriber() + "/api/v1/payments/" + paymentId).status() == 200);
        String clusterId = Files.readString(dataDir.resolve("kafka/kafka-data/meta.properties"));

        stopAndAssertNoOrphans(first);

        Path secondOutput = dataDir.resolve("second.out");
        Process second = launch(secondOutput);
        assertThat(Files.readString(keyFile).strip()).as("the key of the first start").isEqualTo(key);
        assertThat(Files.readString(secondOutput)).contains("export PAYMON_API_KEY=" + key);
        Http.Answer again = user.get(subscriber() + "/api/v1/payments/" + paymentId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("amount").asString()).isEqualTo("42.50");
        assertThat(Files.readString(dataDir.resolve("kafka/kafka-data/meta.properties"))).isEqualTo(clusterId);
        // The key works because the services hold its hash; without it (or with another) they refuse.
        assertRefused(Http.anonymous().get(subscriber() + "/api/v1/payments/" + paymentId));
        assertRefused(Http.as(key + "x").post(publisher() + "/api/v1/payments",
                PipelineRoundTripIT.payment(null, "acc-launcher", "1.00", "EUR")));
        stopAndAssertNoOrphans(second);
    }

    private static void assertRefused(Http.Answer answer) {
        assertThat(answer.status()).as(answer.raw().uri() + " answered " + answer.raw().body()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(401);
    }

    private Process launch(Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(),
                "-Dpaymon.root=" + SystemStack.root(),
                "-cp", SystemStack.root().resolve("local-launcher/target/local-launcher.jar") + ":"
                        + SystemStack.root().resolve("local-launcher/target/lib") + "/*",
                "dev.paymon.launcher.LocalLauncher",
                "--data-dir=" + dataDir));
        command.addAll(ports);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // The key must come from the data directory's file, not from a key exported where the tests run.
        builder.environment().remove("PAYMON_API_KEY");
        Process process = builder.start();
        await().atMost(START).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(process.isAlive()).as("launcher alive; output:%n%s", Files.readString(output)).isTrue();
            return Files.readString(output).contains("paymon is running");
        });
        return process;
    }

    private static void stopAndAssertNoOrphans(Process launcher) throws InterruptedException {
        List<ProcessHandle> children = launcher.toHandle().descendants().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(4); // broker + three services

        launcher.destroy(); // SIGTERM, as a service manager or `kill` would send

        assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    private String publisher() {
        return "http://localhost:" + publisherPort;
    }

    private String subscriber() {
        return "http://localhost:" + subscriberPort;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
