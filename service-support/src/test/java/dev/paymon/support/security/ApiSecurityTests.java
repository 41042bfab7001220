package dev.paymon.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

import dev.paymon.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The security every service with an /api/v1 shares, on a small API of its own with the test keys. */
@WebMvcTest
@ContextConfiguration(classes = {ApiSecurityConfiguration.class, ApiSecurityTests.Api.class})
class ApiSecurityTests {

    static final String UNAUTHORIZED = """
            {"type": "https://paymon.dev/problems/unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "This call needs a valid API key, sent as X-API-Key: <key> or Authorization: Bearer <key>.",
             "instance": "/api/v1/things"}""";

    @Configuration(proxyBeanMethods = false)
    @RestController
    static class Api {

        @GetMapping("/api/v1/things")
        String things() {
            return "things";
        }

        @PostMapping("/api/v1/things")
        String addThing() {
            return "added";
        }

        @GetMapping("/open")
        String open() {
            return "open";
        }

        @Bean
        ApiAccessRules rules() {
            return rules -> rules.requestMatchers(POST, "/api/v1/things").hasRole(ApiRole.INGEST.name())
                    .requestMatchers("/api/v1/**").hasRole(ApiRole.READ.name());
        }
    }

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        TestApiKeys.register(registry);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void answersACallWithAKeyOfTheRoleItNeeds() {
        assertThat(get("/api/v1/things", "X-API-Key", TestApiKeys.READ))
                .hasStatusOk().hasBodyTextEqualTo("things");
        assertThat(mvc.post().uri("/api/v1/things").header("X-API-Key", TestApiKeys.INGEST))
                .hasStatusOk().hasBodyTextEqualTo("added");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "bearer ", "BEARER  "})
    void takesTheKeyAsABearerTokenToo(String scheme) {
        assertThat(get("/api/v1/things", "Authorization", scheme + TestApiKeys.READ))
                .hasStatusOk();
    }

    @Test
    void refusesACallWithoutAKeyAsUnauthorizedWithAChallenge() {
        assertThat(get("/api/v1/things"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader("WWW-Authenticate", "Bearer realm=\"paymon\"")
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isStrictlyEqualTo(UNAUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-API-Key: " + TestApiKeys.UNKNOWN, "Authorization: Bearer " + TestApiKeys.UNKNOWN,
            "X-API-Key: ", "X-API-Key: " + TestApiKeys.READ + "x", "Authorization: Basic dXNlcjpwYXNz"})
    void refusesAWrongKeyExactlyAsAMissingOne(String header) {
        String[] parts = header.split(": ", 2);
        MvcTestResult missing = get("/api/v1/things");
        MvcTestResult wrong = get("/api/v1/things", parts[0], parts.length > 1 ? parts[1] : "");

        assertThat(wrong).hasStatus(HttpStatus.UNAUTHORIZED).hasHeader("WWW-Authenticate", "Bearer realm=\"paymon\"");
        assertThat(wrong.getResponse().getContentAsByteArray()).isEqualTo(missing.getResponse().getContentAsByteArray());
    }

    @Test
    void refusesAKnownKeyWithoutTheRoleAsForbidden() {
        assertThat(mvc.post().uri("/api/v1/things").header("X-API-Key", TestApiKeys.READ))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "https://paymon.dev/problems/forbidden", "title": "Forbidden", "status": 403,
                         "detail": "The API key does not hold the role this call needs.", "instance": "/api/v1/things"}""");
        assertThat(get("/api/v1/things", "X-API-Key", TestApiKeys.OPERATE))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void prefersTheApiKeyHeaderOverABearerToken() {
        assertThat(get("/api/v1/things", "X-API-Key", TestApiKeys.READ,
                "Authorization", "Bearer " + TestApiKeys.UNKNOWN)).hasStatusOk();
    }

    @Test
    void answersAnUnknownApiPathUnauthorizedWithoutAKeyAndNotFoundWithOne() {
        assertThat(get("/api/v1/nothing")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(get("/api/v1/nothing", "X-API-Key", TestApiKeys.READ))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void leavesEveryOtherPathPublicWithOrWithoutAKey() {
        assertThat(get("/open")).hasStatusOk().hasBodyTextEqualTo("open");
        assertThat(get("/open", "X-API-Key", TestApiKeys.UNKNOWN)).hasStatusOk();
        assertThat(get("/elsewhere")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void keepsNoSession() {
        MvcTestResult answer = get("/api/v1/things", "X-API-Key", TestApiKeys.READ);

        assertThat(answer.getRequest().getSession(false)).isNull();
        assertThat(answer.getResponse().getHeader("Set-Cookie")).isNull();
    }

    /** GETs {@code path} with headers given as name, value, name, value... */
    private MvcTestResult get(String path, String... headers) {
        var request = mvc.get().uri(path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }
}
