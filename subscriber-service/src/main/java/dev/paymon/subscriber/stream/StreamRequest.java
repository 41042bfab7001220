package dev.paymon.subscriber.stream;

import dev.paymon.events.FieldViolation;
import dev.paymon.subscriber.web.InvalidQueryException;
import dev.paymon.subscriber.web.QueryParameters;
import dev.paymon.subscriber.projection.StreamEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a client asked the stream for, from the request's parameters and {@code Last-Event-ID} header.
 *
 * @param lastEventId the last event the client has; empty for live events only
 */
record StreamRequest(StreamFilter filter, OptionalLong lastEventId) {

    static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";

    private static final String KNOWN_NAMES = Arrays.toString(Arrays.stream(StreamEventType.values())
            .map(StreamEventType::eventName).toArray());

    /**
     * @param events            {@code events=} values, each one name or several comma-separated
     * @param event             {@code event=} values, an alias of {@code events}
     * @param lastEventIdParam  {@code lastEventId=}, for clients that cannot set headers
     * @param lastEventIdHeader the {@code Last-Event-ID} header; wins over the parameter, as an {@code EventSource}
     *                          reconnecting sends it with the URL it first opened
     * @throws InvalidQueryException naming every bad parameter
     */
    static StreamRequest parse(String accountId, List<String> events, List<String> event, String lastEventIdParam,
                               String lastEventIdHeader) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        names.addAll(names("events", events, violations));
        names.addAll(names("event", event, violations));
        OptionalLong lastEventId = isBlank(lastEventIdHeader)
                ? id("lastEventId", lastEventIdParam, violations)
                : id(LAST_EVENT_ID_HEADER, lastEventIdHeader, violations);
        if (accountId != null && QueryParameters.hasControlCharacters(accountId)) {
            violations.add(new FieldViolation("accountId", "must not contain control characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidQueryException(violations);
        }
        return new StreamRequest(new StreamFilter(isBlank(accountId) ? null : accountId, names), lastEventId);
    }

    private static Set<String> names(String field, List<String> values, List<FieldViolation> violations) {
        Set<String> names = new LinkedHashSet<>();
        if (values == null) {
            return names;
        }
        for (String value : values) {
            for (String name : value.split(",")) {
                String trimmed = name.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (StreamEventType.byEventName(trimmed).isPresent()) {
                    names.add(trimmed);
                } else {
                    violations.add(new FieldViolation(field, "'" + trimmed + "' is not one of " + KNOWN_NAMES));
                }
            }
        }
        return names;
    }

    private static OptionalLong id(String field, String value, List<FieldViolation> violations) {
        if (isBlank(value)) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id >= 0) {
                return OptionalLong.of(id);
            }
        } catch (NumberFormatException e) {
            // Reported below like a negative number.
        }
        violations.add(new FieldViolation(field, "must be the id of a stream event, a whole number from 0"));
        return OptionalLong.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
