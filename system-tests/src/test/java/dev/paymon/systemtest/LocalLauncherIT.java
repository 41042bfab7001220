package dev.paymon.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's run command as a user runs it: the launcher jar starts broker and services with the
 * embedded defaults (H2 database), serves a payment end to end, stops every child JVM on SIGTERM,
 * and keeps the data for the next start.
 */
class LocalLauncherIT {

    private static final Duration START = Duration.ofMinutes(4);

    private final Path dataDir = SystemStack.newDataDir("launcher");
    private final int publisherPort = FreePorts.next();
    private final int subscriberPort = FreePorts.next();
    private final List<String> ports = List.of(
            "--broker-port=" + FreePorts.next(), "--controller-port=" + FreePorts.next(),
            "--publisher-port=" + publisherPort, "--processor-port=" + FreePorts.next(),
            "--subscriber-port=" + subscriberPort);

    @Test
    void runsThePipelineStopsEveryChildOnSigtermAndKeepsDataForTheNextStart() throws Exception {
        Process first = launch(dataDir.resolve("first.out"));
        String paymentId = "launcher-" + UUID.randomUUID();
        assertThat(Http.post(publisher() + "/api/v1/payments",
                PipelineRoundTripIT.payment(paymentId, "acc-launcher", "42.50", "EUR")).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.get(subscriber() + "/api/v1/payments/" + paymentId).status() == 200);
        String clusterId = Files.readString(dataDir.resolve("kafka/kafka-data/meta.properties"));

        stopAndAssertNoOrphans(first);

        Process second = launch(dataDir.resolve("second.out"));
        Http.Answer again = Http.get(subscriber() + "/api/v1/payments/" + paymentId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("amount").asString()).isEqualTo("42.50");
        assertThat(Files.readString(dataDir.resolve("kafka/kafka-data/meta.properties"))).isEqualTo(clusterId);
        stopAndAssertNoOrphans(second);
    }

    private Process launch(Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(),
                "-Dpaymon.root=" + SystemStack.root(),
                "-cp", SystemStack.root().resolve("local-launcher/target/local-launcher.jar") + ":"
                        + SystemStack.root().resolve("local-launcher/target/lib") + "/*",
                "dev.paymon.launcher.LocalLauncher",
                "--data-dir=" + dataDir));
        command.addAll(ports);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
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
