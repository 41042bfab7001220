package dev.paymon.events.access;

import java.util.regex.Pattern;

/**
 * A SCRAM-SHA-512 user of the cluster, one per service.
 *
 * @param name             the SCRAM user name; its principal is {@code User:<name>}
 * @param passwordVariable the environment variable (in compose: of {@code .env}) holding its password
 */
public record KafkaUser(String name, String passwordVariable) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public KafkaUser {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name must be lower-case letters, digits and dashes: " + name);
        }
        if (!VARIABLE.matcher(passwordVariable).matches()) {
            throw new IllegalArgumentException("password variable must be upper-case letters, digits and _: "
                    + passwordVariable);
        }
    }

    /** The principal ACLs name, {@code User:<name>}. */
    public String principal() {
        return "User:" + name;
    }
}
