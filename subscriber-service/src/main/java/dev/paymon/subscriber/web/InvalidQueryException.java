package dev.paymon.subscriber.web;

import dev.paymon.events.FieldViolation;
import java.util.List;

/** Query parameters that cannot be answered; {@link ApiProblems} turns it into a 400 listing every bad one. */
public class InvalidQueryException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidQueryException(List<FieldViolation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
