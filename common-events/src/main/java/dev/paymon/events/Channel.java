package dev.paymon.events;

/** How a payment was made. */
public enum Channel {
    CARD_PRESENT, ECOMMERCE, TRANSFER, ATM
}
