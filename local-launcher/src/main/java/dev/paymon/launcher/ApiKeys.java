package dev.paymon.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The API key format the services accept ({@code X-API-Key} header): {@code pk_} and 43 characters of base64url
 * (32 random bytes). Services are configured with {@link #hash(String) its hash} only, never the key itself.
 */
public final class ApiKeys {

    /** Every role of the services: publish payments, reference data and replays, queries, acknowledging alerts. */
    public static final String ALL_ROLES = "ingest,admin,read,operate,simulate";

    private static final String PREFIX = "pk_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new random key: {@code pk_} + base64url of 32 bytes from {@link SecureRandom}, without padding. */
    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * {@code sha256:<64 lowercase hex>} of the key's UTF-8 bytes: the form of {@code paymon.security.api-keys[N].hash},
     * equal to {@code printf %s "$KEY" | sha256sum}.
     */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
