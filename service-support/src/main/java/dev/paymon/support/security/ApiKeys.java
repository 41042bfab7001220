package dev.paymon.support.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * The configured API keys: finds the key a request presents by the SHA-256 hash of what it sent.
 *
 * <p><b>SHA-256, not bcrypt or Argon2:</b> the keys are 256-bit random values, not passwords people chose, so a
 * leaked hash cannot be reversed by guessing and key stretching would add nothing; a deliberately slow hash would
 * instead cost every request tens of milliseconds of CPU.
 *
 * <p><b>Constant time:</b> the presented key's hash is compared with <em>every</em> configured hash with
 * {@link MessageDigest#isEqual} (whose time does not depend on where the bytes differ), without stopping at a
 * match, so the time an answer takes does not tell which keys exist or which one matched.
 *
 * <p>Also the service's only {@link AuthenticationProvider}, which keeps Boot from creating a user with a generated
 * password that no one could use.
 */
public final class ApiKeys implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<ApiKeyProperties.ApiKey> keys;
    private final List<byte[]> digests;

    public ApiKeys(ApiKeyProperties properties) {
        this.keys = properties.apiKeys();
        this.digests = keys.stream().map(key -> HexFormat.of().parseHex(key.hexDigest())).toList();
        if (keys.isEmpty()) {
            log.warn("No API keys are configured (paymon.security.api-keys): every /api/v1 call is refused with 401");
        } else {
            log.info("{} API key(s) configured: {}", keys.size(),
                    keys.stream().map(key -> key.name() + " " + key.roles()).toList());
        }
    }

    /** The configured key whose hash the presented key has, if any. */
    public Optional<ApiKeyProperties.ApiKey> find(String presented) {
        byte[] digest = sha256(presented);
        ApiKeyProperties.ApiKey found = null;
        for (int i = 0; i < keys.size(); i++) {
            boolean equal = MessageDigest.isEqual(digest, digests.get(i));
            if (equal) {
                found = keys.get(i);
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * @throws BadCredentialsException when the key is configured nowhere (the message does not repeat it)
     */
    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = (String) authentication.getCredentials();
        return find(presented).map(ApiKeyAuthentication::authenticated)
                .orElseThrow(() -> new BadCredentialsException("Unknown API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
