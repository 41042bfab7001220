package dev.paymon.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Package boundaries of the processor: features stay apart, the topology stays plain Kafka Streams code. */
class ArchitectureTests {

    private static final String CONFIG = "dev.paymon.processor.config..";

    private static final JavaClasses PROCESSOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.paymon.processor");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.paymon.processor.(*)..").should().beFreeOfCycles().check(PROCESSOR);
    }

    @Test
    void configHoldsOnlyWiring() {
        classes().that().resideInAPackage(CONFIG).and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
                .should().beAnnotatedWith(Configuration.class)
                .check(PROCESSOR);
    }

    @Test
    void nothingDependsOnTheWiring() {
        noClasses().that().resideOutsideOfPackage(CONFIG)
                .should().dependOnClassesThat().resideInAPackage(CONFIG)
                .check(PROCESSOR);
    }

    @Test
    void topologyIsPlainKafkaStreamsCode() {
        noClasses().that().resideInAPackage("dev.paymon.processor.payments..")
                .and().areNotAnnotatedWith(Configuration.class)
                .and().areNotAnnotatedWith(ConfigurationProperties.class)
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(PROCESSOR);
    }

    @Test
    void deadLettersKnowNothingOfThePipeline() {
        noClasses().that().resideInAPackage("dev.paymon.processor.deadletter..")
                .should().dependOnClassesThat().resideInAPackage("dev.paymon.processor.payments..")
                .check(PROCESSOR);
    }

    @Test
    void healthKnowsOnlyKafkaStreams() {
        noClasses().that().resideInAPackage("dev.paymon.processor.health..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.paymon.processor.payments..", "dev.paymon.processor.deadletter..")
                .check(PROCESSOR);
    }

    @Test
    void rulesArePlainJavaOverEvents() {
        noClasses().that().resideInAPackage("dev.paymon.processor.rules..")
                .and().haveNameNotMatching(".*\\.RuleProperties(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..",
                        "dev.paymon.processor.payments..", "dev.paymon.processor.monitoring..")
                .check(PROCESSOR);
    }

    @Test
    void monitoringKnowsNothingOfTheRestOfThePipeline() {
        noClasses().that().resideInAPackage("dev.paymon.processor.monitoring..")
                .should().dependOnClassesThat().resideInAPackage("dev.paymon.processor.payments..")
                .check(PROCESSOR);
    }

    @Test
    void usesConstructorInjectionOnly() {
        noFields().should().beAnnotatedWith(Autowired.class).check(PROCESSOR);
    }
}
