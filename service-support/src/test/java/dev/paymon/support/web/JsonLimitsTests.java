package dev.paymon.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

class JsonLimitsTests {

    final JsonLimits limits = new JsonLimits(3, 10, 5);
    final JsonMapper mapper = JsonMapper.builder(limits.jsonFactory()).build();

    @Test
    void readsJsonWithinTheLimits() {
        assertThat(mapper.readTree("{\"a\":[{\"b\":\"0123456789\"}],\"n\":12345}").at("/a/0/b").asString())
                .isEqualTo("0123456789");
    }

    @Test
    void describesEachViolatedLimitWithItsProperty() {
        assertThat(violation("{\"a\":[{\"b\":[1]}]}")).isEqualTo(
                "The JSON is nested deeper than 3 levels (paymon.json.max-nesting-depth)");
        assertThat(violation("{\"a\":\"01234567890\"}")).isEqualTo(
                "A JSON string is longer than 10 characters (paymon.json.max-string-length)");
        assertThat(violation("{\"a\":123456}")).isEqualTo(
                "A JSON number is longer than 5 characters (paymon.json.max-number-length)");
    }

    @Test
    void refusesLimitsBelowOne() {
        assertThatThrownBy(() -> new JsonLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putsTheLimitsOnTheMapperBootBuildsKeepingBootsCustomizations() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(JsonLimitsConfiguration.class)
                .withPropertyValues("paymon.json.max-nesting-depth=2", "spring.jackson.deserialization.fail-on-unknown-properties=true")
                .run(context -> {
                    JsonMapper boots = context.getBean(JsonMapper.class);
                    assertThat(boots.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(2);
                    assertThat(boots.tokenStreamFactory().streamReadConstraints().getMaxStringLength())
                            .isEqualTo(10_000);
                    assertThat(boots.deserializationConfig().isEnabled(
                            tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
                    assertThatThrownBy(() -> boots.readTree("[[[1]]]")).isInstanceOf(StreamConstraintsException.class);
                });
    }

    private String violation(String json) {
        return limits.describe(catchThrowableOfType(StreamConstraintsException.class, () -> mapper.readTree(json)));
    }
}
