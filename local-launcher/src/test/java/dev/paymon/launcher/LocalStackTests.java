package dev.paymon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the stack passes to each service, checked without starting anything. */
class LocalStackTests {

    private final String key = ApiKeys.generate();
    private final LocalStack stack = new LocalStack(StackSettings.defaults(Path.of("/repo"), Path.of("/repo/.local"))
            .withApiKey(key));

    @Test
    void everyServiceGetsTheHashOfTheKeyWithEveryRoleAndNeverTheKey() {
        for (Service service : stack.services()) {
            assertThat(service.command()).as(service.name()).contains(
                    "--paymon.security.api-keys[0].name=local",
                    "--paymon.security.api-keys[0].hash=" + ApiKeys.hash(key),
                    "--paymon.security.api-keys[0].roles=" + ApiKeys.ALL_ROLES);
            assertThat(service.command()).as(service.name()).noneMatch(argument -> argument.contains(key));
        }
    }

    @Test
    void eachServiceHasItsPublicAndItsManagementPort() {
        assertThat(stack.services()).extracting(Service::port, Service::managementPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8081, 9081),
                        org.assertj.core.groups.Tuple.tuple(8082, 9082),
                        org.assertj.core.groups.Tuple.tuple(8083, 9083));
        assertThat(stack.publisher().command()).contains("--server.port=8081", "--management.server.port=9081");
        assertThat(stack.processor().metricsUrl()).isEqualTo("http://localhost:9082/actuator/prometheus");
    }

    @Test
    void withoutAKeyTheServicesGetNone() {
        LocalStack keyless = new LocalStack(StackSettings.defaults(Path.of("/repo"), Path.of("/repo/.local")));

        assertThat(keyless.publisher().command()).noneMatch(argument -> argument.startsWith("--paymon.security."));
    }
}
