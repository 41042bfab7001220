package dev.paymon.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paymon.deploy.ComposeService.Mount;
import dev.paymon.events.access.KafkaAccess;
import dev.paymon.events.access.KafkaUser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Kafka security of {@code docker-compose.yml}: brokers that authenticate every connection and authorize by ACLs
 * only, an init step that applies the one definition of users and ACLs ({@code kafka-access.tsv}), and services that
 * each log in as their own user of that definition, for every client Spring Boot builds.
 */
class KafkaSecurityTests {

    private static final String DEFINITION = "common-events/src/main/resources" + KafkaAccess.RESOURCE;
    private static final KafkaAccess ACCESS = KafkaAccess.load();

    private final ComposeFile compose = ComposeFile.load();

    private List<ComposeService> brokers() {
        return compose.services().values().stream()
                .filter(service -> service.environment().containsKey("KAFKA_NODE_ID"))
                .toList();
    }

    @Test
    void everyBrokerListenerAuthenticatesAndEverythingWithoutAnAclIsDenied() {
        assertThat(brokers()).hasSize(3);
        for (ComposeService broker : brokers()) {
            Map<String, String> environment = broker.environment();
            assertThat(Arrays.stream(environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
                    .map(listener -> listener.substring(listener.indexOf(':') + 1)))
                    .as(broker.name() + " listener protocols").containsOnly("SASL_PLAINTEXT");
            assertThat(environment).as(broker.name())
                    .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                    .containsEntry("KAFKA_SUPER_USERS", "User:admin")
                    .containsEntry("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "PLAIN")
                    .containsEntry("KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL", "PLAIN")
                    .containsEntry("KAFKA_LISTENER_NAME_INTERNAL_SASL_ENABLED_MECHANISMS", "PLAIN,SCRAM-SHA-512")
                    .containsEntry("KAFKA_LISTENER_NAME_CONTROLLER_SASL_ENABLED_MECHANISMS", "PLAIN")
                    .containsEntry("KAFKA_LISTENER_NAME_EXTERNAL_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
            // The logins are in the JAAS file secrets-init writes (SecretsTests runs it), not in KAFKA_* variables.
            assertThat(environment.get("KAFKA_OPTS")).as(broker.name())
                    .contains("-Djava.security.auth.login.config=" + Secrets.MOUNT + "/kafka_server_jaas.conf");
            assertThat(Secrets.handedOut().get("kafka")).contains("kafka_server_jaas.conf", "KAFKA_ADMIN_PASSWORD");
            assertThat(broker.healthcheckCommand()).contains("/opt/paymon/kafka-admin.sh");
            assertThat(broker.mounts()).extracting(Mount::source, Mount::target).contains(
                    tuple("./docker/kafka-admin.sh", "/opt/paymon/kafka-admin.sh"), tuple("kafka-secrets", Secrets.MOUNT));
        }
    }

    /** The brokers' passwords are files (the JAAS file), never environment values that `docker inspect` shows. */
    @Test
    void noBrokerSettingHoldsAPassword() {
        for (ComposeService broker : brokers()) {
            broker.environment().forEach((name, value) -> assertThat(String.valueOf(value).toLowerCase())
                    .as(broker.name() + " " + name).doesNotContain("password"));
        }
    }

    @Test
    void theInitStepAppliesTheOneDefinitionBeforeAnyServiceStarts() {
        ComposeService init = compose.service("kafka-init");
        assertThat(init.image()).isEqualTo(brokers().get(0).image());
        assertThat(init.restart()).isEqualTo("no");
        assertThat(init.mounts()).extracting(Mount::source, Mount::target).contains(
                tuple("./" + DEFINITION, "/opt/paymon/kafka-access.tsv"),
                tuple("./docker/kafka-init.sh", "/opt/paymon/kafka-init.sh"),
                tuple("./docker/kafka-admin.sh", "/opt/paymon/kafka-admin.sh"),
                tuple("kafka-secrets", Secrets.MOUNT));
        assertThat(init.dependsOn()).containsOnlyKeys(brokers().stream().map(ComposeService::name).toArray(String[]::new))
                .containsValues("service_healthy");
        // kafka-init reads each user's password from the file named like its variable (KafkaInitScriptTests).
        assertThat(Secrets.handedOut().get("kafka")).containsAll(ACCESS.users().stream().map(KafkaUser::passwordVariable).toList());
        for (String service : ServiceModule.SERVICES) {
            assertThat(compose.service(service).dependsOn()).as(service)
                    .containsEntry("kafka-init", "service_completed_successfully");
        }
    }

    @Test
    void everyServiceLogsInAsItsOwnUserForEveryClientBootBuilds() {
        for (String service : ServiceModule.SERVICES) {
            KafkaUser user = ACCESS.user(service.replaceFirst("-service$", ""));
            KafkaProperties kafka = bind(compose.service(service).environment());

            for (Map<String, Object> client : List.of(kafka.buildProducerProperties(), kafka.buildConsumerProperties(),
                    kafka.buildAdminProperties(), kafka.buildStreamsProperties())) {
                assertThat(client).as(service)
                        .containsEntry("security.protocol", "SASL_PLAINTEXT")
                        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                        .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                                + " required username=\"" + user.name() + "\" password=\"$${" + user.passwordVariable()
                                + "}\";");
            }
        }
    }

    @Test
    void eachServiceGetsOnlyItsOwnKafkaPassword() {
        for (String service : ServiceModule.SERVICES) {
            String consumer = service.replaceFirst("-service$", "");
            List<String> own = Secrets.handedOut().get(consumer);
            for (KafkaUser user : ACCESS.users()) {
                assertThat(own.contains(user.passwordVariable())).as(service + " holds " + user.passwordVariable())
                        .isEqualTo(user.name().equals(consumer));
            }
        }
    }

    /** The service's environment as Spring Boot binds it (SystemEnvironmentPropertySource, relaxed binding). */
    private static KafkaProperties bind(Map<String, String> environment) {
        Map<String, Object> variables = Map.copyOf(environment.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
        return binder.bind("spring.kafka", KafkaProperties.class).orElseGet(KafkaProperties::new);
    }
}
