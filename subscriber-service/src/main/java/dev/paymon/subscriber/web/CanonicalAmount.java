package dev.paymon.subscriber.web;

import dev.paymon.events.Violations;
import java.math.BigDecimal;

/** Amounts of money as this service stores and shows them. */
public final class CanonicalAmount {

    private CanonicalAmount() {
    }

    /**
     * The amount at a scale of its own: the currency's minor units, or more where the value needs
     * them ({@code 12.5 EUR} is {@code 12.50}, a converted {@code 13.4567} keeps its digits). Databases
     * return different scales for the same number (PostgreSQL keeps {@code 12.50}, H2 gives {@code 12.5}),
     * so values are compared and shown in this form.
     */
    public static BigDecimal of(BigDecimal amount, String currency) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.setScale(Math.max(stripped.scale(), Violations.minorUnits(currency)));
    }
}
