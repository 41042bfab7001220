package dev.paymon.events;

/** How urgent an alert is. */
public enum Severity {
    LOW, MEDIUM, HIGH
}
