package dev.paymon.support.security;

/**
 * What an API key may do; a key can hold several roles ({@code paymon.security.api-keys[n].roles}, case-insensitive).
 * Each service maps its endpoints to roles in its own {@link ApiAccessRules}.
 */
public enum ApiRole {
    /** Publish payments. */
    INGEST,
    /** Reference data, simulations, replay and rebuild. */
    ADMIN,
    /** Queries and the live stream of the subscriber. */
    READ,
    /** Acknowledge alerts. */
    OPERATE,
    /**
     * Start, list and stop the publisher's traffic simulations, nothing else: the key of the compose demo profile.
     * A simulation also publishes its own FX rates and account profiles.
     */
    SIMULATE;

    /** The Spring Security authority of the role, {@code ROLE_<NAME>} (what {@code hasRole(name())} checks). */
    public String authority() {
        return "ROLE_" + name();
    }
}
