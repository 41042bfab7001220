package dev.paymon.processor.payments;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the enriched payment from the reference data known for it: the amount in the base
 * currency and the account's risk tier. Without a usable FX rate there is no enriched payment; an
 * account without a profile is enriched with no risk tier.
 */
final class PaymentEnrichment {

    private final FxConversion conversion;
    private final Clock clock;

    PaymentEnrichment(FxConversion conversion, Clock clock) {
        this.conversion = conversion;
        this.clock = clock;
    }

    /**
     * @param rate    the latest rate of the payment's currency, or {@code null}
     * @param profile the account's profile, or {@code null}
     * @return the enriched payment (ACCEPTED, no alerts yet), or empty when no usable FX rate is known
     */
    Optional<PaymentEnriched> enrich(PaymentInitiated payment, FxRateUpdated rate, AccountProfileUpdated profile) {
        return conversion.toBase(payment.amount(), payment.currency(), rate)
                .map(amountBase -> new PaymentEnriched(payment, amountBase, conversion.baseCurrency(),
                        profile == null ? null : profile.riskTier(),
                        PaymentStatus.ACCEPTED, List.of(), clock.instant(), false));
    }

    /**
     * The profile's daily limit in the base currency, or {@code null} when its currency has no usable
     * rate: the rules then apply their default limits rather than compare amounts in two currencies.
     *
     * @param rates the latest rate of a currency, or {@code null}; asked only when the limit is in another currency
     */
    BigDecimal dailyLimitInBase(AccountProfileUpdated profile, Function<String, FxRateUpdated> rates) {
        FxRateUpdated rate = profile.currency().equals(conversion.baseCurrency()) ? null : rates.apply(profile.currency());
        return conversion.toBase(profile.dailyLimit(), profile.currency(), rate).orElse(null);
    }

    String unknownRate(PaymentInitiated payment) {
        return "no FX rate from " + payment.currency() + " to " + conversion.baseCurrency();
    }
}
