package dev.paymon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.access.KafkaAccess;
import dev.paymon.events.access.KafkaUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.SecurityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker/kafka-init.sh} reads {@code kafka-access.tsv} as {@link KafkaAccess} does: in a dry run (bash, no
 * broker) the {@code kafka-configs.sh} and {@code kafka-acls.sh} calls it would make create exactly the users and
 * ACLs the tests create, read back the way {@code kafka-acls.sh} parses its options.
 */
class KafkaInitScriptTests {

    private static final KafkaAccess ACCESS = KafkaAccess.load();
    private static final Path DEFINITION = Repository.file("common-events/src/main/resources" + KafkaAccess.RESOURCE);

    @Test
    void createsTheDefinitionsUsersFromTheirSecretFilesAndExactlyItsAclsButNoAdminLogin(@TempDir Path secrets)
            throws Exception {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (KafkaUser user : ACCESS.users()) {
            passwords.put(user.name(), user.name() + "-password-1");
            // The files docker/secrets-init.sh hands to kafka-init: named like the password variables.
            Files.writeString(secrets.resolve(user.passwordVariable()), passwords.get(user.name()));
        }

        Result result = dryRun(DEFINITION, Map.of("SECRETS_DIR", secrets.toString()));

        assertThat(result.exitCode()).as(result.errors()).isZero();
        Map<String, String> scram = new LinkedHashMap<>();
        List<String> deleted = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (String command : result.output().lines().toList()) {
            List<String> words = List.of(command.split(" "));
            assertThat(words).contains("--bootstrap-server", "kafka-1:19092");
            if (words.get(0).equals("kafka-configs.sh") && words.contains("--delete-config")) {
                deleted.add(value(words, "--entity-name") + " " + value(words, "--delete-config"));
            } else if (words.get(0).equals("kafka-configs.sh")) {
                String config = value(words, "--add-config");
                scram.put(value(words, "--entity-name"), config.replaceFirst("^SCRAM-SHA-512=\\[iterations=8192,password=(.*)]$", "$1"));
            } else {
                assertThat(words.get(0)).isEqualTo("kafka-acls.sh");
                acls.addAll(aclsOf(words));
            }
        }
        assertThat(scram).as("SCRAM users: the definition's, never admin").isEqualTo(passwords);
        assertThat(deleted).as("the admin's SCRAM credential of earlier releases").containsExactly("admin SCRAM-SHA-512");
        assertThat(acls).containsExactlyInAnyOrderElementsOf(ACCESS.aclBindings());
    }

    @Test
    void aPasswordVariableReplacesItsSecretFile(@TempDir Path secrets) throws Exception {
        Map<String, String> variables = new HashMap<>(Map.of("SECRETS_DIR", secrets.toString()));
        for (KafkaUser user : ACCESS.users()) {
            Files.writeString(secrets.resolve(user.passwordVariable()), "from-the-file-1");
        }
        KafkaUser first = ACCESS.users().get(0);
        variables.put(first.passwordVariable(), "from-the-variable-1");

        Result result = dryRun(DEFINITION, variables);

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output()).contains("--entity-name " + first.name()
                + " --add-config SCRAM-SHA-512=[iterations=8192,password=from-the-variable-1]");
    }

    @Test
    void refusesPasswordsThatWouldBreakTheJaasOrConfigSyntax() throws Exception {
        KafkaUser user = ACCESS.users().get(0);
        Result result = dryRun(DEFINITION, Map.of(user.passwordVariable(), "short\"one,]"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errors()).contains("the password of " + user.name() + " must be at least 12");
    }

    @Test
    void saysWhichPasswordIsMissing(@TempDir Path secrets) throws Exception {
        Result result = dryRun(DEFINITION, Map.of("SECRETS_DIR", secrets.toString()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errors()).contains(ACCESS.users().get(0).passwordVariable() + " is neither set nor a file in "
                + secrets);
    }

    @Test
    void refusesRulesOfUndeclaredUsersAsTheJavaParserDoes(@TempDir Path dir) throws Exception {
        Path definition = Files.writeString(dir.resolve("access.tsv"), "allow ghost TOPIC LITERAL t READ\n");

        Result result = dryRun(definition, Map.of());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errors()).contains("line 1: user ghost is not declared");
    }

    private record Result(int exitCode, String output, String errors) {
    }

    private static Result dryRun(Path definition, Map<String, String> variables) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", Repository.file("docker/kafka-init.sh").toString());
        bash.environment().putAll(variables);
        bash.environment().putAll(Map.of("KAFKA_INIT_DRY_RUN", "1", "KAFKA_ACCESS_FILE", definition.toString(),
                "BOOTSTRAP_SERVERS", "kafka-1:19092"));
        Process process = bash.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kafka-init.sh did not finish");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The ACLs of one kafka-acls.sh --add call. */
    private static List<AclBinding> aclsOf(List<String> words) {
        assertThat(words).contains("--add", "--allow-host", "*");
        PatternType pattern = PatternType.fromString(value(words, "--resource-pattern-type"));
        String principal = value(words, "--allow-principal");
        List<ResourcePattern> resources = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (int i = 0; i < words.size() - 1; i++) {
            ResourceType type = switch (words.get(i)) {
                case "--topic" -> ResourceType.TOPIC;
                case "--group" -> ResourceType.GROUP;
                case "--transactional-id" -> ResourceType.TRANSACTIONAL_ID;
                default -> null;
            };
            if (type != null) {
                resources.add(new ResourcePattern(type, words.get(i + 1), pattern));
            }
        }
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).equals("--operation")) {
                var operation = SecurityUtils.operation(words.get(i + 1));
                resources.forEach(resource -> acls.add(new AclBinding(resource,
                        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW))));
            }
        }
        return acls;
    }

    private static String value(List<String> words, String option) {
        int index = words.indexOf(option);
        assertThat(index).as(option + " in " + words).isNotNegative();
        return words.get(index + 1);
    }
}
