package dev.paymon.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

class ProblemTypesTests {

    @Test
    void namesAServicesOwnTypeUnderTheProblemsBase() {
        assertThat(ProblemTypes.of("validation")).isEqualTo(URI.create("https://paymon.dev/problems/validation"));
    }

    @Test
    void namesATypeAfterTheReasonPhraseOfAKnownStatus() {
        assertThat(ProblemTypes.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
                .isEqualTo(URI.create("https://paymon.dev/problems/unsupported-media-type"));
    }

    @Test
    void namesATypeAfterTheCodeOfAnUnknownStatus() {
        assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(599)))
                .isEqualTo(URI.create("https://paymon.dev/problems/http-599"));
    }
}
