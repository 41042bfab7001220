package dev.paymon.publisher.web;

import dev.paymon.events.FieldViolation;
import java.util.List;
import java.util.stream.Collectors;

/** A request is well-formed JSON but fields are wrong; answered with 400 listing every bad field. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
