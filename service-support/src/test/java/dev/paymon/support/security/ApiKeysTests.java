package dev.paymon.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.testing.TestApiKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

class ApiKeysTests {

    final ApiKeys keys = new ApiKeys(ApiKeyPropertiesTests.bind(TestApiKeys.properties()));

    @Test
    void findsAKeyByTheHashOfWhatWasPresented() {
        assertThat(keys.find(TestApiKeys.OPERATE)).hasValueSatisfying(key -> assertThat(key.name())
                .isEqualTo("test-operate"));
        assertThat(keys.find(TestApiKeys.UNKNOWN)).isEmpty();
        assertThat(keys.find("")).isEmpty();
    }

    @Test
    void hashesAsSha256sumDoes() {
        // printf %s 'pk_test' | sha256sum
        assertThat(ApiKeys.sha256("pk_test")).asHexString()
                .isEqualToIgnoringCase("4cd87eb8bb26640d6ddae9d27afd08952e597754bb59f082e62b84a66e8e6ecf");
        assertThat(TestApiKeys.hashOf("pk_test"))
                .isEqualTo("sha256:4cd87eb8bb26640d6ddae9d27afd08952e597754bb59f082e62b84a66e8e6ecf");
    }

    @Test
    void authenticatesAKnownKeyAsItsNameWithItsRolesAndNoKeyMaterial() {
        Authentication authenticated = keys.authenticate(ApiKeyAuthentication.presented(TestApiKeys.ALL));

        assertThat(authenticated.isAuthenticated()).isTrue();
        assertThat(authenticated.getName()).isEqualTo("test-all");
        assertThat(authenticated.getCredentials()).isNull();
        assertThat(authenticated.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_INGEST", "ROLE_ADMIN", "ROLE_READ", "ROLE_OPERATE", "ROLE_SIMULATE");
        assertThat(authenticated.toString()).doesNotContain(TestApiKeys.ALL);
    }

    @Test
    void refusesAnUnknownKeyWithoutRepeatingIt() {
        assertThatThrownBy(() -> keys.authenticate(ApiKeyAuthentication.presented(TestApiKeys.UNKNOWN)))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("Unknown API key");
    }

    @Test
    void knowsNoKeyWhenNoneIsConfigured() {
        assertThat(new ApiKeys(ApiKeyPropertiesTests.bind(Map.of())).find(TestApiKeys.ALL)).isEmpty();
    }
}
