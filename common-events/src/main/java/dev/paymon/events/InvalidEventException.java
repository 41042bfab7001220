package dev.paymon.events;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by an event's constructor when fields are invalid; lists every invalid field, not just the first. */
public class InvalidEventException extends IllegalArgumentException {

    private final transient List<FieldViolation> violations;

    public InvalidEventException(List<FieldViolation> violations) {
        super(violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
