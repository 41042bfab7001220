package dev.paymon.subscriber.alerts;

/** Where an alert stands: raised and waiting, or seen by an analyst. Part of the public contract. */
enum AlertStatus {
    OPEN, ACKNOWLEDGED
}
