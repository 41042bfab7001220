package dev.paymon.processor.deadletter;

/**
 * A rejected record on its way to the dead-letter topic: the bytes exactly as they were read, and
 * why they were rejected.
 */
public record RejectedRecord(byte[] original, DeadLetterCause rejection) {
}
