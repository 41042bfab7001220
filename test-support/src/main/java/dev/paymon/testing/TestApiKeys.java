package dev.paymon.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The API keys the tests send: one with every role ({@link #ALL}) and one per role. {@link #properties()} configures
 * them on a service as production does, by name, SHA-256 hash and roles ({@code paymon.security.api-keys[n].*});
 * the keys themselves appear nowhere in any configuration. They are fixed test values, in the format the tools
 * generate ({@code pk_} and 43 base64url characters), and secret nowhere.
 */
public final class TestApiKeys {

    /** Roles ingest, admin, read, operate and simulate. */
    public static final String ALL = "pk_NC3LeywdTdW1a4P7BB8k__Yc0KqaV0B4kCYo8WswRTY";
    public static final String INGEST = "pk_jktn3VtreytayTKAsBZJnOiJBa5f3kUiUS6LbNBBc-Y";
    public static final String ADMIN = "pk_QqaRp3ASWJ1caojSFyW0TJaRlJBJi1DrFP4IiquvKck";
    public static final String READ = "pk_MpgX2deXRTNvmXA6jymxQf5bcMVPfDfglMjFF77E6bI";
    public static final String OPERATE = "pk_-cmWUTXkkaPxfu-2kOMt1uJzLGezqs64HCnO4U75jiA";
    public static final String SIMULATE = "pk_fhKXkDH2aGNnO9f7Vvu3a37Lwcb76awOIUpiNuGxgtI";
    /** Well-formed, but configured nowhere. */
    public static final String UNKNOWN = "pk_1lP7dK-s5hkd_4P0caI20Gin7U6ldM-iXiJI9O3ejG0";

    /** The header the services read the key from ({@code Authorization: Bearer <key>} works as well). */
    public static final String HEADER = "X-API-Key";

    private record Configured(String name, String key, String roles) {
    }

    private static final List<Configured> KEYS = List.of(
            new Configured("test-all", ALL, "ingest,admin,read,operate,simulate"),
            new Configured("test-ingest", INGEST, "ingest"),
            new Configured("test-admin", ADMIN, "admin"),
            new Configured("test-read", READ, "read"),
            new Configured("test-operate", OPERATE, "operate"),
            new Configured("test-simulate", SIMULATE, "simulate"));

    private TestApiKeys() {
    }

    /** The name a key is configured under (what the services log and rate-limit by), e.g. {@code test-read}. */
    public static String nameOf(String key) {
        return KEYS.stream().filter(configured -> configured.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a configured test key")).name();
    }

    /** {@code sha256:<64 lowercase hex digits>} of the key's UTF-8 bytes, as {@code printf %s "$KEY" | sha256sum}. */
    public static String hashOf(String key) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The {@code paymon.security.api-keys[n].name/hash/roles} entries of every test key, in order. */
    public static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            Configured key = KEYS.get(i);
            String prefix = "paymon.security.api-keys[" + i + "].";
            properties.put(prefix + "name", key.name());
            properties.put(prefix + "hash", hashOf(key.key()));
            properties.put(prefix + "roles", key.roles());
        }
        return properties;
    }

    /** Configures every test key on the service of a Spring test context. */
    public static void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** {@link #properties()} as command-line arguments ({@code --name=value}), for a service started by hand. */
    public static List<String> arguments() {
        return properties().entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
    }
}
