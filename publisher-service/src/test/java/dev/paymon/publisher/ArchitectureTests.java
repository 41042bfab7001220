package dev.paymon.publisher;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;

/**
 * Feature packages stay independent: they share the Kafka output ({@code kafka}) and the HTTP helpers ({@code web});
 * only {@code kafka} knows Kafka; {@code config} is wiring that nothing depends on.
 */
class ArchitectureTests {

    private static final String KAFKA = "dev.paymon.publisher.kafka..";
    private static final String WEB = "dev.paymon.publisher.web..";
    private static final String CONFIG = "dev.paymon.publisher.config..";
    /** The application and its settings ({@code PublisherProperties}). */
    private static final String SETTINGS = "dev.paymon.publisher";

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.paymon.publisher");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.paymon.publisher.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void featuresDependOnEachOtherOnlyThroughKafkaAndWeb() {
        slices().matching("dev.paymon.publisher.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAnyPackage(KAFKA, WEB))
                .check(CLASSES);
    }

    @Test
    void configHoldsOnlyWiring() {
        classes().that().resideInAPackage(CONFIG).and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
                .should().beAnnotatedWith(Configuration.class)
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheWiring() {
        noClasses().that().resideOutsideOfPackage(CONFIG)
                .should().dependOnClassesThat().resideInAPackage(CONFIG)
                .check(CLASSES);
    }

    @Test
    void theKafkaOutputKnowsNoFeatureAndNoHttp() {
        noClasses().that().resideInAPackage(KAFKA)
                .should().dependOnClassesThat(resideInAPackage("dev.paymon.publisher..")
                        .and(not(resideInAnyPackage(KAFKA, SETTINGS))))
                .check(CLASSES);
    }

    @Test
    void theHttpHelpersKnowNoFeature() {
        noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat(resideInAPackage("dev.paymon.publisher..")
                        .and(not(resideInAnyPackage(WEB, KAFKA, SETTINGS))))
                .check(CLASSES);
    }

    @Test
    void onlyTheKafkaOutputTalksToKafka() {
        noClasses().that().resideOutsideOfPackage(KAFKA)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..",
                        "org.apache.kafka.clients..")
                .check(CLASSES);
    }
}
