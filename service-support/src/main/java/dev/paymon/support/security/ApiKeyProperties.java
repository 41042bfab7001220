package dev.paymon.support.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API keys a service accepts ({@code paymon.security.api-keys[n].*}), as hashes: a key itself is never part of any
 * configuration. No keys (the default) means every {@code /api/v1} call is refused with 401; there is no switch that
 * turns the check off. Checked at start-up: a malformed entry stops the service with a message naming it.
 *
 * @param apiKeys the accepted keys (default none)
 */
@ConfigurationProperties("paymon.security")
public record ApiKeyProperties(@DefaultValue List<ApiKey> apiKeys) {

    private static final String PREFIX = "paymon.security.api-keys";

    public ApiKeyProperties {
        apiKeys = List.copyOf(apiKeys);
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < apiKeys.size(); i++) {
            ApiKey key = apiKeys.get(i);
            String at = PREFIX + "[" + i + "]";
            key.validate(at);
            if (!names.add(key.name())) {
                throw new IllegalArgumentException(at + ".name '" + key.name() + "' is used by another key");
            }
            if (!hashes.add(key.hash().toLowerCase())) {
                throw new IllegalArgumentException(at + ".hash is the hash of another key as well");
            }
        }
    }

    /**
     * One accepted key.
     *
     * @param name  a label for logs and the publisher's rate limit, e.g. {@code checkout-frontend}; never the key
     * @param hash  {@code sha256:} and the 64 hex digits of the SHA-256 of the key's UTF-8 bytes, as
     *              {@code printf %s "$KEY" | sha256sum} prints them
     * @param roles what the key may do, e.g. {@code ingest,read}; at least one
     */
    public record ApiKey(String name, String hash, Set<ApiRole> roles) {

        public static final String HASH_PREFIX = "sha256:";
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        private static final Pattern HASH = Pattern.compile(HASH_PREFIX + "[0-9a-fA-F]{64}");

        public ApiKey {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        /** The 64 hex digits after {@code sha256:}. */
        String hexDigest() {
            return hash.substring(HASH_PREFIX.length());
        }

        private void validate(String at) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(at + ".name must be 1 to 64 letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit");
            }
            // The value is never repeated in a message: it might be a key pasted into the wrong place.
            if (hash == null || !HASH.matcher(hash).matches()) {
                throw new IllegalArgumentException(at + ".hash (key '" + name + "') must be 'sha256:' followed by "
                        + "64 hex digits, as printf %s \"$KEY\" | sha256sum prints them"
                        + (hash != null && hash.startsWith("pk_") ? "; it looks like a key itself, which must never "
                        + "be configured: configure its hash" : ""));
            }
            if (roles.isEmpty()) {
                throw new IllegalArgumentException(at + ".roles (key '" + name + "') must name at least one of "
                        + List.of(ApiRole.values()).toString().toLowerCase());
            }
        }
    }
}
