package dev.paymon.publisher;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Feature packages stay independent: they share only what {@code config} offers, and only it knows Kafka. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.paymon.publisher");

    @Test
    void featuresDependOnEachOtherOnlyThroughConfig() {
        slices().matching("dev.paymon.publisher.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("dev.paymon.publisher.config.."))
                .check(CLASSES);
    }

    @Test
    void configKnowsNoFeature() {
        noClasses().that().resideInAPackage("dev.paymon.publisher.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paymon.publisher.payments..",
                        "dev.paymon.publisher.reference..", "dev.paymon.publisher.simulation..")
                .check(CLASSES);
    }

    @Test
    void onlyConfigTalksToKafka() {
        noClasses().that().resideOutsideOfPackage("dev.paymon.publisher.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..",
                        "org.apache.kafka.clients..")
                .check(CLASSES);
    }
}
