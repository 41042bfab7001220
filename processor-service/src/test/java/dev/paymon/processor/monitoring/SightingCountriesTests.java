package dev.paymon.processor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SightingCountriesTests {

    @Test
    void keepsTheLatestSightingOfEachCountryWhateverTheOrder() {
        SightingCountries seen = SightingCountries.NONE.seen("DE", 5_000, 0).seen("DE", 3_000, 0).seen("FR", 4_000, 0);

        assertThat(seen.latest()).isEqualTo(Map.of("DE", 5_000L, "FR", 4_000L));
    }

    @Test
    void forgetsCountriesWhoseLatestSightingHasExpired() {
        SightingCountries seen = SightingCountries.NONE.seen("DE", 1_000, 0).seen("FR", 2_000, 0)
                .seen("IT", 9_000, 2_000);

        assertThat(seen.latest()).isEqualTo(Map.of("FR", 2_000L, "IT", 9_000L));
    }

    @Test
    void listsOnlyOtherCountriesSeenAfterTheGivenTime() {
        SightingCountries seen = new SightingCountries(Map.of("DE", 1_000L, "FR", 5_000L, "IT", 6_000L, "ES", 4_000L));

        assertThat(seen.otherCountriesSeenAfter("IT", 4_000)).containsExactly("FR");
        assertThat(seen.otherCountriesSeenAfter("PL", 0)).containsExactly("DE", "ES", "FR", "IT");
        assertThat(SightingCountries.NONE.otherCountriesSeenAfter("DE", 0)).isEmpty();
    }
}
