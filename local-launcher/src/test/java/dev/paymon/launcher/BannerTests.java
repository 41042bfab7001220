package dev.paymon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BannerTests {

    private final Path dataDir = Path.of("/repo/.local");
    private final LocalStack stack = new LocalStack(StackSettings.defaults(Path.of("/repo"), dataDir));

    @Test
    void showsTheKeyWhereItIsKeptHowToExportItAndTheMetricsOfTheManagementPorts() {
        String key = ApiKeys.generate();
        String banner = Banner.running(stack,
                new LocalApiKey(key, LocalApiKey.Source.GENERATED, LocalApiKey.file(dataDir), Optional.empty()));

        assertThat(banner).contains("paymon is running", "API key           " + key,
                "saved in /repo/.local/api-key", "export PAYMON_API_KEY=" + key,
                "curl -H \"X-API-Key: $PAYMON_API_KEY\" http://localhost:8083/api/v1/stats",
                "http://localhost:9081/actuator/prometheus", "http://localhost:9082/actuator/prometheus",
                "http://localhost:9083/actuator/prometheus");
    }

    @Test
    void saysWhenTheKeyComesFromTheEnvironment() {
        String banner = Banner.running(stack, new LocalApiKey("pk_mine", LocalApiKey.Source.ENVIRONMENT,
                LocalApiKey.file(dataDir), Optional.empty()));

        assertThat(banner).contains("pk_mine   (every role; from $PAYMON_API_KEY)");
    }
}
