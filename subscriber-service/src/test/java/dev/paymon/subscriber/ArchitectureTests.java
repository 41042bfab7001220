package dev.paymon.subscriber;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.paymon.subscriber.config.ConsumerOffsetRepository;
import dev.paymon.subscriber.config.DeadLetters;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.RestController;

/** Package boundaries: features stand alone on shared configuration; each layer stays in its lane. */
class ArchitectureTests {

    private static final String CONFIG = "dev.paymon.subscriber.config..";

    private static final JavaClasses SUBSCRIBER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.paymon.subscriber");

    @Test
    void featuresDependOnEachOtherOnlyThroughConfig() {
        slices().matching("dev.paymon.subscriber.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage(CONFIG))
                .check(SUBSCRIBER);
    }

    @Test
    void configKnowsNoFeature() {
        noClasses().that().resideInAPackage(CONFIG)
                .should().dependOnClassesThat(resideInAPackage("dev.paymon.subscriber..")
                        .and(not(resideInAPackage(CONFIG))))
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
    void featuresProjectOnlyThroughTheSharedProjector() {
        noClasses().that().resideOutsideOfPackage(CONFIG)
                .should().dependOnClassesThat().belongToAnyOf(ConsumerOffsetRepository.class, DeadLetters.class)
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
