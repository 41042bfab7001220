package dev.paymon.events;

/** One invalid field of an event or request: the field's name and what is wrong with it. */
public record FieldViolation(String field, String message) {
}
