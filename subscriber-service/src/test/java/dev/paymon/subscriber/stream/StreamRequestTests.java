package dev.paymon.subscriber.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paymon.events.FieldViolation;
import dev.paymon.subscriber.web.InvalidQueryException;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the stream's parameters and {@code Last-Event-ID} header become a filter and a resume point. */
class StreamRequestTests {

    @Test
    void followsEverythingFromNowOnWithoutParameters() {
        assertThat(StreamRequest.parse(null, null, null, null, null))
                .isEqualTo(new StreamRequest(StreamFilter.ALL, OptionalLong.empty()));
    }

    @Test
    void takesEventNamesCommaSeparatedRepeatedAndUnderTheAliasEvent() {
        StreamRequest request = StreamRequest.parse("acc-1", List.of("payment, alert", "alert"), List.of("activity"),
                null, null);

        assertThat(request.filter()).isEqualTo(new StreamFilter("acc-1", Set.of("payment", "alert", "activity")));
    }

    @Test
    void ignoresBlankValues() {
        assertThat(StreamRequest.parse(" ", List.of("payment,"), null, "", " "))
                .isEqualTo(new StreamRequest(new StreamFilter(null, Set.of("payment")), OptionalLong.empty()));
    }

    @Test
    void resumesAfterTheHeaderRatherThanTheParameterWhenBothAreGiven() {
        assertThat(List.of(StreamRequest.parse(null, null, null, "7", "42").lastEventId(),
                StreamRequest.parse(null, null, null, "7", null).lastEventId(),
                StreamRequest.parse(null, null, null, null, "0").lastEventId()))
                .containsExactly(OptionalLong.of(42), OptionalLong.of(7), OptionalLong.of(0));
    }

    @Test
    void reportsEveryUnknownNameAndABadLastEventIdTogether() {
        InvalidQueryException invalid = catchThrowableOfType(InvalidQueryException.class,
                () -> StreamRequest.parse(null, List.of("payment,refund", "Alert"), List.of("x"), "-1", null));

        assertThat(invalid.violations()).containsExactly(
                new FieldViolation("events", "'refund' is not one of [payment, alert, activity]"),
                new FieldViolation("events", "'Alert' is not one of [payment, alert, activity]"),
                new FieldViolation("event", "'x' is not one of [payment, alert, activity]"),
                new FieldViolation("lastEventId", "must be the id of a stream event, a whole number from 0"));
    }

    @Test
    void rejectsALastEventIdThatIsNoWholeNumberOrTooLarge() {
        for (String bad : List.of("abc", "1.5", "99999999999999999999")) {
            assertThat(catchThrowableOfType(InvalidQueryException.class,
                    () -> StreamRequest.parse(null, null, null, null, bad)).violations())
                    .extracting(FieldViolation::field).containsExactly("Last-Event-ID");
        }
    }
}
