package dev.paymon.processor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WindowPropertiesTests {

    @Test
    void defaultsToOneMinuteWindowsWithHalfAMinuteGraceCheckedEverySecondAndAnHourOfHistory() {
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("paymon.processor.windows", WindowProperties.class))
                .isEqualTo(new WindowProperties(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(1), 4, 250, Duration.ofHours(1)));
    }

    @Test
    void refusesAHistoryShorterThanAWindowAndItsGrace() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WindowProperties(Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofSeconds(1), 4, 250, Duration.ofSeconds(89)));
        assertThat(new WindowProperties(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(1), 4, 250,
                Duration.ofSeconds(90)).history()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void refusesAnEmptyWindowNegativeGraceOrNoClosing() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new WindowProperties(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(1), 4, 250, Duration.ofHours(1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new WindowProperties(Duration.ofSeconds(60), Duration.ofSeconds(-1), Duration.ofSeconds(1), 4, 250, Duration.ofHours(1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new WindowProperties(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(1), 0, 250, Duration.ofHours(1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new WindowProperties(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(1), 4, 0, Duration.ofHours(1)));
    }
}
