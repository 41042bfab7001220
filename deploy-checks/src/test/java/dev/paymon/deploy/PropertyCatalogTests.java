package dev.paymon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The relaxed-binding comparison of {@link PropertyCatalog} and the record scan of {@link ConfigurationPropertiesSources}. */
class PropertyCatalogTests {

    @Test
    void bindsVariablesWrittenAsBootDocumentsThem() {
        PropertyCatalog catalog = new PropertyCatalog().add("spring.kafka.bootstrap-servers").add("server.port");

        assertThat(catalog.bindsEnvironmentVariable("SPRING_KAFKA_BOOTSTRAPSERVERS")).isTrue();
        assertThat(catalog.bindsEnvironmentVariable("SERVER_PORT")).isTrue();
        assertThat(catalog.bindsEnvironmentVariable("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isFalse();
        assertThat(catalog.bindsEnvironmentVariable("SPRING_KAFKA_BOOTSTRAPSERVER")).isFalse();
        assertThat(catalog.bindsEnvironmentVariable("SPRING_KAFKA")).isFalse();
    }

    @Test
    void takesAnyNameBelowAMapProperty() {
        PropertyCatalog catalog = new PropertyCatalog().addOpen("spring.kafka.streams.properties");

        assertThat(catalog.bindsEnvironmentVariable("SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS")).isTrue();
        assertThat(catalog.bindsEnvironmentVariable("SPRING_KAFKA_STREAMS_PROPERTY_NUM")).isFalse();
    }

    @Test
    void readsComponentsOfConfigurationPropertiesRecordsAndTheirNestedRecords() {
        PropertyCatalog catalog = new PropertyCatalog();
        ConfigurationPropertiesSources.scanFile("""
                /** Not {@code @ConfigurationProperties("commented.out")}. */
                @Validated
                @ConfigurationProperties("paymon.example")
                public record ExampleProperties(
                        @DefaultValue("1") short replicationFactor,
                        @DefaultValue @Valid Limits limits,
                        Map<String, Duration> timeouts) {

                    public record Limits(@DefaultValue("10000") @NotNull BigDecimal defaultLimit) {
                    }
                }
                """, catalog);

        assertThat(catalog.bindsEnvironmentVariable("PAYMON_EXAMPLE_REPLICATIONFACTOR")).isTrue();
        assertThat(catalog.bindsEnvironmentVariable("PAYMON_EXAMPLE_LIMITS_DEFAULTLIMIT")).isTrue();
        assertThat(catalog.bindsEnvironmentVariable("PAYMON_EXAMPLE_TIMEOUTS_SEND")).isTrue();
        assertThat(catalog.bindsEnvironmentVariable("PAYMON_EXAMPLE_LIMITS")).isFalse();
        assertThat(catalog.bindsEnvironmentVariable("PAYMON_EXAMPLE_LIMITS_MAXIMUM")).isFalse();
        assertThat(catalog.bindsEnvironmentVariable("COMMENTED_OUT")).isFalse();
    }

    @Test
    void knowsThePaymonPropertiesOfTheRealModules() {
        PropertyCatalog processor = new ServiceModule("processor-service").properties(new PropertyCatalog());

        assertThat(processor.bindsEnvironmentVariable("PAYMON_TOPICS_REPLICATIONFACTOR")).isTrue();
        assertThat(processor.bindsEnvironmentVariable("PAYMON_PROCESSOR_RULES_VELOCITY_MAXPAYMENTS")).isTrue();
        assertThat(processor.bindsEnvironmentVariable("PAYMON_PROCESSOR_RULES_VELOCITY_MAXIMUM")).isFalse();
    }
}
