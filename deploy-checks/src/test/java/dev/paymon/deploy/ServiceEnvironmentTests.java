package dev.paymon.deploy;

import static java.util.function.Predicate.not;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every Spring setting docker-compose.yml gives a service through an environment variable ({@code SPRING_*},
 * {@code PAYMON_*}, {@code MANAGEMENT_*}, {@code SERVER_*}) binds to a property that exists: a key of the service's
 * application.yml, a component of a {@code @ConfigurationProperties} record of its modules, or a Spring Boot
 * property. A misspelt variable would otherwise be ignored without a word.
 */
class ServiceEnvironmentTests {

    private static final List<String> SPRING_PREFIXES = List.of("SPRING_", "PAYMON_", "MANAGEMENT_", "SERVER_");

    static final List<String> services = ServiceModule.SERVICES;

    private static PropertyCatalog boot;

    @BeforeAll
    static void loadBootMetadata() {
        boot = BootConfigurationMetadata.load();
        // Guards against an empty catalog, which would make every variable fail for the wrong reason.
        assertThat(boot.bindsEnvironmentVariable("SPRING_KAFKA_BOOTSTRAPSERVERS")).isTrue();
        assertThat(boot.bindsEnvironmentVariable("SPRING_DATASOURCE_URL")).isTrue();
    }

    @ParameterizedTest
    @FieldSource("services")
    void everySpringEnvironmentVariableBindsToAProperty(String service) {
        PropertyCatalog properties = new ServiceModule(service).properties(boot);
        List<String> variables = ComposeFile.load().service(service).environment().keySet().stream()
                .filter(name -> SPRING_PREFIXES.stream().anyMatch(name.toUpperCase(Locale.ROOT)::startsWith))
                .toList();

        assertThat(variables).as("Spring settings of " + service).isNotEmpty();
        assertThat(variables.stream().filter(not(properties::bindsEnvironmentVariable)))
                .as("variables of " + service + " that bind to no property (Boot's form: dots become _, dashes go)")
                .isEmpty();
    }
}
