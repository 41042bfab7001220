package dev.paymon.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.testing.TestApiKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ApiKeyPropertiesTests {

    static final String HASH = TestApiKeys.hashOf(TestApiKeys.READ);

    @Test
    void bindsNameHashAndRolesCaseInsensitively() {
        ApiKeyProperties properties = bind(Map.of(
                "paymon.security.api-keys[0].name", "checkout",
                "paymon.security.api-keys[0].hash", HASH,
                "paymon.security.api-keys[0].roles", "Ingest, READ"));

        assertThat(properties.apiKeys()).containsExactly(
                new ApiKeyProperties.ApiKey("checkout", HASH, Set.of(ApiRole.INGEST, ApiRole.READ)));
    }

    @Test
    void bindsTheEnvironmentVariablesComposeAndTheLauncherSet() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "PAYMON_SECURITY_API_KEYS_0_NAME", "local",
                "PAYMON_SECURITY_API_KEYS_0_HASH", HASH,
                "PAYMON_SECURITY_API_KEYS_0_ROLES", "ingest,admin,read,operate,simulate")));

        ApiKeyProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("paymon.security", ApiKeyProperties.class);

        assertThat(properties.apiKeys()).singleElement().satisfies(key -> {
            assertThat(key.name()).isEqualTo("local");
            assertThat(key.roles()).containsExactlyInAnyOrder(ApiRole.values());
        });
    }

    @Test
    void acceptsNoKeysAtAll() {
        assertThat(bind(Map.of()).apiKeys()).isEmpty();
    }

    @Test
    void refusesAHashThatIsNotSha256HexWithoutRepeatingIt() {
        assertThatThrownBy(() -> bind(key("checkout", "sha256:abc", "read")))
                .hasRootCauseMessage("paymon.security.api-keys[0].hash (key 'checkout') must be 'sha256:' followed by "
                        + "64 hex digits, as printf %s \"$KEY\" | sha256sum prints them");
    }

    @Test
    void refusesAKeyConfiguredInPlaceOfItsHash() {
        assertThatThrownBy(() -> bind(key("checkout", TestApiKeys.READ, "read")))
                .rootCause().hasMessageEndingWith("it looks like a key itself, which must never be configured: "
                        + "configure its hash")
                .message().doesNotContain(TestApiKeys.READ);
    }

    @Test
    void refusesAKeyWithoutRoles() {
        assertThatThrownBy(() -> bind(Map.of("paymon.security.api-keys[0].name", "checkout",
                "paymon.security.api-keys[0].hash", HASH)))
                .hasRootCauseMessage("paymon.security.api-keys[0].roles (key 'checkout') must name at least one of "
                        + "[ingest, admin, read, operate, simulate]");
    }

    @Test
    void refusesAnUnknownRole() {
        assertThatThrownBy(() -> bind(key("checkout", HASH, "read,write"))).isInstanceOf(BindException.class)
                .hasMessageContaining("paymon.security.api-keys[0].roles");
    }

    @Test
    void refusesTwoKeysOfOneNameOrOneHash() {
        Map<String, String> sameName = new LinkedHashMap<>(key("checkout", HASH, "read"));
        sameName.putAll(Map.of("paymon.security.api-keys[1].name", "checkout",
                "paymon.security.api-keys[1].hash", TestApiKeys.hashOf(TestApiKeys.ADMIN),
                "paymon.security.api-keys[1].roles", "admin"));
        Map<String, String> sameHash = new LinkedHashMap<>(key("checkout", HASH, "read"));
        sameHash.putAll(Map.of("paymon.security.api-keys[1].name", "backoffice",
                "paymon.security.api-keys[1].hash", HASH.toUpperCase().replace("SHA256", "sha256"),
                "paymon.security.api-keys[1].roles", "admin"));

        assertThatThrownBy(() -> bind(sameName))
                .hasRootCauseMessage("paymon.security.api-keys[1].name 'checkout' is used by another key");
        assertThatThrownBy(() -> bind(sameHash))
                .hasRootCauseMessage("paymon.security.api-keys[1].hash is the hash of another key as well");
    }

    @Test
    void refusesANameThatCannotBeALabel() {
        assertThatThrownBy(() -> bind(key("check out", HASH, "read")))
                .rootCause().hasMessageStartingWith("paymon.security.api-keys[0].name must be 1 to 64 letters");
    }

    @Test
    void bindsTheTestKeys() {
        assertThat(bind(TestApiKeys.properties()).apiKeys()).extracting(ApiKeyProperties.ApiKey::name)
                .isEqualTo(List.of("test-all", "test-ingest", "test-admin", "test-read", "test-operate",
                        "test-simulate"));
    }

    private static Map<String, String> key(String name, String hash, String roles) {
        return Map.of("paymon.security.api-keys[0].name", name, "paymon.security.api-keys[0].hash", hash,
                "paymon.security.api-keys[0].roles", roles);
    }

    static ApiKeyProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("paymon.security", ApiKeyProperties.class);
    }
}
