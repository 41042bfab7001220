package dev.paymon.events.access;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka principals and ACLs of paymon, read from {@code kafka-access.tsv} (this module's resources; the
 * file documents its format). The same file is what {@code docker/kafka-init.sh} applies in docker compose, so
 * the tests grant exactly what the stack grants.
 */
public final class KafkaAccess {

    /** The definition on the class path. */
    public static final String RESOURCE = "/kafka-access.tsv";

    private final Map<String, KafkaUser> users;
    private final List<AccessRule> rules;

    private KafkaAccess(Map<String, KafkaUser> users, List<AccessRule> rules) {
        this.users = users;
        this.rules = rules;
    }

    /** The definition of this repository. */
    public static KafkaAccess load() {
        try (InputStream in = KafkaAccess.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a definition; a line that does not fit is reported with its number. Users come before their rules. */
    public static KafkaAccess parse(String text) {
        Map<String, KafkaUser> users = new LinkedHashMap<>();
        List<AccessRule> rules = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String content = lines[i].replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            try {
                switch (fields[0]) {
                    case "user" -> addUser(users, fields);
                    case "allow" -> rules.add(rule(users, fields));
                    default -> throw new IllegalArgumentException("unknown line type " + fields[0]
                            + " (user or allow)");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kafka access line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new KafkaAccess(users, List.copyOf(rules));
    }

    private static void addUser(Map<String, KafkaUser> users, String[] fields) {
        expectFields(fields, 3, "user <name> <password variable>");
        KafkaUser user = new KafkaUser(fields[1], fields[2]);
        if (users.containsKey(user.name())
                || users.values().stream().anyMatch(u -> u.passwordVariable().equals(user.passwordVariable()))) {
            throw new IllegalArgumentException("user " + user.name() + " or variable " + user.passwordVariable()
                    + " declared twice");
        }
        users.put(user.name(), user);
    }

    private static AccessRule rule(Map<String, KafkaUser> users, String[] fields) {
        expectFields(fields, 6, "allow <user> <resource type> <pattern type> <resource name> <operations>");
        if (!users.containsKey(fields[1])) {
            throw new IllegalArgumentException("user " + fields[1] + " is not declared by a user line above");
        }
        Set<AclOperation> operations = Arrays.stream(fields[5].split(","))
                .map(name -> AclOperation.valueOf(name.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(HashSet::new));
        return new AccessRule(fields[1], ResourceType.valueOf(fields[2]), PatternType.valueOf(fields[3]), fields[4],
                operations);
    }

    private static void expectFields(String[] fields, int count, String form) {
        if (fields.length != count) {
            throw new IllegalArgumentException("expected " + form + ", got " + String.join(" ", fields));
        }
    }

    public List<KafkaUser> users() {
        return List.copyOf(users.values());
    }

    public KafkaUser user(String name) {
        KafkaUser user = users.get(name);
        if (user == null) {
            throw new IllegalArgumentException("no Kafka user " + name + " in " + RESOURCE);
        }
        return user;
    }

    public List<AccessRule> rules() {
        return rules;
    }

    /** The rules of one user. */
    public List<AccessRule> rulesOf(String user) {
        return rules.stream().filter(rule -> rule.user().equals(user)).toList();
    }

    /**
     * Whether {@code user} may do {@code operation} on the resource, as the authorizer decides with these ACLs
     * only (no deny rules exist; DESCRIBE follows from READ or WRITE).
     */
    public boolean allows(String user, ResourceType type, String name, AclOperation operation) {
        return rulesOf(user).stream().anyMatch(rule -> rule.allows(type, name, operation));
    }

    /** Every ACL, for {@code Admin.createAcls}. */
    public List<AclBinding> aclBindings() {
        return rules.stream().flatMap(rule -> rule.toAclBindings().stream()).toList();
    }
}
