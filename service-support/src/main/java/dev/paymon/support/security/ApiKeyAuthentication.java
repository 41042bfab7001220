package dev.paymon.support.security;

import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API key as Spring Security sees it: first {@link #presented} (the key as sent, not authenticated), then, once
 * {@link ApiKeys} found it, {@link #authenticated} with the key's name as principal and its roles as authorities.
 * The authenticated form holds no key material.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String keyName;
    private String presentedKey;

    private ApiKeyAuthentication(String presentedKey) {
        super(Set.of());
        this.keyName = null;
        this.presentedKey = presentedKey;
    }

    private ApiKeyAuthentication(String keyName, Set<ApiRole> roles) {
        super(roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.keyName = keyName;
        super.setAuthenticated(true);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key);
    }

    static ApiKeyAuthentication authenticated(ApiKeyProperties.ApiKey key) {
        return new ApiKeyAuthentication(key.name(), key.roles());
    }

    /** The key as sent; {@code null} once authenticated. */
    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    /** The configured name of the key; {@code null} before authentication. */
    @Override
    public Object getPrincipal() {
        return keyName;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("only ApiKeys authenticates an API key");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        presentedKey = null;
    }
}
