package dev.paymon.publisher.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RateLimitPropertiesTests {

    @Test
    void isOffByDefaultWithFiftyPerSecondAndBurstsOfAHundred() {
        assertThat(bind(Map.of())).isEqualTo(new RateLimitProperties(false, 50, 100));
    }

    @Test
    void refusesARateThatIsNotPositive() {
        assertThatThrownBy(() -> bind(Map.of("paymon.publisher.rate-limit.requests-per-second", "0")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bind(Map.of("paymon.publisher.rate-limit.burst", "0")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static RateLimitProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("paymon.publisher.rate-limit", RateLimitProperties.class);
    }
}
