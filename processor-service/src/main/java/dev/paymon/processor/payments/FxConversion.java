package dev.paymon.processor.payments;

import dev.paymon.events.FxRateUpdated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Converts amounts to the base currency: {@code amount × rateToBase}, rounded half-even to 2
 * decimals. An amount in the base currency needs no rate. A rate quoted against another base
 * currency counts as unknown, since using it would silently mix currencies.
 */
final class FxConversion {

    static final int BASE_SCALE = 2;

    private final String baseCurrency;

    FxConversion(String baseCurrency) {
        this.baseCurrency = baseCurrency;
    }

    String baseCurrency() {
        return baseCurrency;
    }

    /**
     * @param rate the latest rate for {@code currency}, or {@code null} when none is known
     * @return the amount in the base currency, or empty when no usable rate is known
     */
    Optional<BigDecimal> toBase(BigDecimal amount, String currency, FxRateUpdated rate) {
        if (currency.equals(baseCurrency)) {
            return Optional.of(amount.setScale(BASE_SCALE, RoundingMode.HALF_EVEN));
        }
        if (rate == null || !rate.currency().equals(currency) || !rate.baseCurrency().equals(baseCurrency)) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(rate.rateToBase()).setScale(BASE_SCALE, RoundingMode.HALF_EVEN));
    }
}
