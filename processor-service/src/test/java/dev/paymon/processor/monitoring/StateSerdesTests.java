package dev.paymon.processor.monitoring;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.EventJson;
import dev.paymon.processor.rules.Sighting;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StateSerdesTests {

    private static final Sighting SIGHTING = new Sighting("p-1", "DE", Instant.parse("2026-11-28T10:15:30.123456789Z"));
    private static final DailySpend SPEND = new DailySpend(new BigDecimal("1234.50"), true);
    private static final WindowAggregate WINDOW = new WindowAggregate(3, new BigDecimal("10.00"), new BigDecimal("7500.00"),
            List.of("p-1", "p-2", "p-3", "p-late"), 1);

    @Test
    void readsBackWhatItWritesKeepingDecimalScalesAndNanoseconds() {
        assertThat(roundTrip(StateSerdes.sightings(), SIGHTING)).isEqualTo(SIGHTING);
        assertThat(roundTrip(StateSerdes.dailySpend(), SPEND)).isEqualTo(SPEND);
        assertThat(roundTrip(StateSerdes.windows(), WINDOW)).isEqualTo(WINDOW);
        assertThat(roundTrip(StateSerdes.windows(), WindowAggregate.EMPTY)).isEqualTo(WindowAggregate.EMPTY);
        WindowAggregate exponent = new WindowAggregate(1, new BigDecimal("7.5E+3"), new BigDecimal("7.5E+3"), List.of("p"), 0);
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
        // Windows before late payments were counted: no "late" field, read as none late.
        assertThat(StateSerdes.windows().deserializer().deserialize("t",
                "{\"count\":3,\"totalBase\":\"10.00\",\"maxBase\":\"7500.00\",\"paymentIds\":[\"p-1\"]}"
                        .getBytes(UTF_8)))
                .isEqualTo(new WindowAggregate(3, new BigDecimal("10.00"), new BigDecimal("7500.00"), List.of("p-1"), 0));
    }

    @Test
    void readsTheCompactWindowsOfTheReleaseBeforeLatePaymentsWereCounted() {
        // Version 1: count, total, max, ids; no late count.
        byte[] version1 = HexFormat.of().parseHex("01" + "0000000000000002" + "0004" + "352e3030" + "0004"
                + "332e3030" + "00000001" + "0003" + "702d31");

        assertThat(StateSerdes.windows().deserializer().deserialize("t", version1))
                .isEqualTo(new WindowAggregate(2, new BigDecimal("5.00"), new BigDecimal("3.00"), List.of("p-1"), 0));
        assertThat(StateSerdes.windows().serializer().serialize("t", WINDOW)[0]).isEqualTo(StateSerdes.WINDOWS_VERSION);
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
