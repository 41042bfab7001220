package dev.paymon.subscriber;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.paymon.subscriber.projection.ConsumerOffsetRepository;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.RestController;

/**
 * Package boundaries: features stand alone on the projection engine and the query-API helpers; the engine knows no
 * feature; {@code config} is wiring that nothing depends on; each layer stays in its lane.
 */
class ArchitectureTests {

    private static final String PROJECTION = "dev.paymon.subscriber.projection..";
    private static final String WEB = "dev.paymon.subscriber.web..";
    private static final String CONFIG = "dev.paymon.subscriber.config..";

    private static final JavaClasses SUBSCRIBER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.paymon.subscriber");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.paymon.subscriber.(**)").should().beFreeOfCycles().check(SUBSCRIBER);
    }

    @Test
    void featuresDependOnEachOtherOnlyThroughProjectionAndWeb() {
        slices().matching("dev.paymon.subscriber.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAnyPackage(PROJECTION, WEB))
                .check(SUBSCRIBER);
    }

    @Test
    void theProjectionEngineKnowsNoFeature() {
        noClasses().that().resideInAPackage(PROJECTION)
                .should().dependOnClassesThat(resideInAPackage("dev.paymon.subscriber..")
                        .and(not(resideInAPackage(PROJECTION))))
                .check(SUBSCRIBER);
    }

    @Test
    void theQueryApiHelpersKnowNoFeature() {
        noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat(resideInAPackage("dev.paymon.subscriber..")
                        .and(not(resideInAnyPackage(WEB, PROJECTION))))
                .check(SUBSCRIBER);
    }

    @Test
    void configHoldsOnlyWiring() {
        classes().that().resideInAPackage(CONFIG).and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
                .should().beAnnotatedWith(Configuration.class)
                .check(SUBSCRIBER);
    }

    @Test
    void nothingDependsOnTheWiring() {
        noClasses().that().resideOutsideOfPackage(CONFIG)
                .should().dependOnClassesThat().resideInAPackage(CONFIG)
                .check(SUBSCRIBER);
    }

    /** Stored offsets are the exactly-once effect: the engine moves them, and the rebuild rewinds them all. */
    @Test
    void onlyTheProjectionEngineAndTheRebuildTouchStoredOffsets() {
        noClasses().that().resideOutsideOfPackage(PROJECTION)
                .and().doNotHaveFullyQualifiedName("dev.paymon.subscriber.rebuild.RebuildRepository")
                .should().dependOnClassesThat().belongToAnyOf(ConsumerOffsetRepository.class)
                .check(SUBSCRIBER);
    }

    @Test
    void featuresDeadLetterOnlyThroughTheProjector() {
        noClasses().that().resideOutsideOfPackage(PROJECTION)
                .should().dependOnClassesThat().resideInAPackage("dev.paymon.subscriber.projection.deadletter..")
                .check(SUBSCRIBER);
    }

    @Test
    void onlyRepositoriesQueryTheDatabase() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository")
                .should().dependOnClassesThat().belongToAnyOf(
                        JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class, DataSource.class)
                .check(SUBSCRIBER);
    }

    @Test
    void kafkaListenersAreProjectionMethodsNamedOn() {
        methods().that().areAnnotatedWith(KafkaListener.class)
                .should().haveName("on")
                .andShould().beDeclaredInClassesThat().haveSimpleNameEndingWith("Projection")
                .check(SUBSCRIBER);
    }

    @Test
    void controllersDoNotTouchKafka() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(SUBSCRIBER);
    }
}
