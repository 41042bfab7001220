package dev.paymon.processor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.EventJson;
import dev.paymon.processor.rules.Sighting;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StateSerdesTests {

    private static final Sighting SIGHTING = new Sighting("p-1", "DE", Instant.parse("2026-11-28T10:15:30.123456789Z"));
    private static final DailySpend SPEND = new DailySpend(new BigDecimal("1234.50"), true);
    private static final WindowAggregate WINDOW = new WindowAggregate(3, new BigDecimal("10.00"), new BigDecimal("7500.00"),
            List.of("p-1", "p-2", "p-3"));

    @Test
    void readsBackWhatItWritesKeepingDecimalScalesAndNanoseconds() {
        assertThat(roundTrip(StateSerdes.sightings(), SIGHTING)).isEqualTo(SIGHTING);
        assertThat(roundTrip(StateSerdes.dailySpend(), SPEND)).isEqualTo(SPEND);
        assertThat(roundTrip(StateSerdes.windows(), WINDOW)).isEqualTo(WINDOW);
        assertThat(roundTrip(StateSerdes.windows(), WindowAggregate.EMPTY)).isEqualTo(WindowAggregate.EMPTY);
        WindowAggregate exponent = new WindowAggregate(1, new BigDecimal("7.5E+3"), new BigDecimal("7.5E+3"), List.of("p"));
        assertThat(roundTrip(StateSerdes.windows(), exponent)).isEqualTo(exponent);
        assertThat(roundTrip(StateSerdes.dailySpend(), DailySpend.NONE).total().scale()).isEqualTo(2);
        SightingCountries countries = new SightingCountries(Map.of("DE", 1_000L, "FR", Long.MAX_VALUE));
        assertThat(roundTrip(StateSerdes.sightingCountries(), countries)).isEqualTo(countries);
        assertThat(roundTrip(StateSerdes.sightingCountries(), SightingCountries.NONE)).isEqualTo(SightingCountries.NONE);
    }

    @Test
    void stillReadsTheJsonOfEarlierReleases() {
        assertThat(StateSerdes.sightings().deserializer().deserialize("t", EventJson.MAPPER.writeValueAsBytes(SIGHTING)))
                .isEqualTo(SIGHTING);
        assertThat(StateSerdes.dailySpend().deserializer().deserialize("t", EventJson.MAPPER.writeValueAsBytes(SPEND)))
                .isEqualTo(SPEND);
        assertThat(StateSerdes.windows().deserializer().deserialize("t", EventJson.MAPPER.writeValueAsBytes(WINDOW)))
                .isEqualTo(WINDOW);
    }

    @Test
    void writesAVersionedValueThatIsNotJson() {
        byte[] bytes = StateSerdes.sightings().serializer().serialize("t", SIGHTING);

        assertThat(bytes[0]).isEqualTo(StateSerdes.VERSION);
        assertThat(StateSerdes.sightings().serializer().serialize("t", null)).isNull();
        assertThat(StateSerdes.sightings().deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void padsWindowKeysSoThatTheyOrderByStart() {
        assertThat(AccountWindows.key(60_000, "acc-1")).isEqualTo(String.format("%019d|%s", 60_000, "acc-1"));
        assertThat(AccountWindows.key(0, "")).isEqualTo("0000000000000000000|");
        assertThat(AccountWindows.key(Long.MAX_VALUE, "a")).isEqualTo(Long.MAX_VALUE + "|a");
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
