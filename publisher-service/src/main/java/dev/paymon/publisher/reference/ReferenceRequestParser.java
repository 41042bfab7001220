package dev.paymon.publisher.reference;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.RiskTier;
import dev.paymon.publisher.web.InvalidRequestException;
import dev.paymon.publisher.web.JsonFields;
import dev.paymon.publisher.PublisherProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns reference-data requests into events, or throws {@link InvalidRequestException} listing every bad
 * field. The key comes from the path; {@code updatedAt} is now; FX rates are quoted against the configured
 * base currency ({@code paymon.publisher.base-currency}).
 */
@Component
class ReferenceRequestParser {

    static final int MAX_RATE_DECIMALS = 10;
    private static final List<String> ACCOUNT_FIELDS = List.of("accountId", "homeCountry", "riskTier", "dailyLimit",
            "currency");
    private static final List<String> FX_FIELDS = List.of("currency", "rateToBase", "baseCurrency");

    private final Clock clock;
    private final String baseCurrency;

    ReferenceRequestParser(Clock clock, PublisherProperties properties) {
        this.clock = clock;
        this.baseCurrency = properties.baseCurrency();
    }

    AccountProfileUpdated account(String pathAccountId, JsonNode json) {
        JsonFields fields = JsonFields.of(json);
        String accountId = fields.identifier("accountId", pathAccountId);
        String homeCountry = fields.string("homeCountry");
        RiskTier riskTier = fields.oneOf("riskTier", RiskTier.class);
        BigDecimal dailyLimit = fields.decimal("dailyLimit");
        String currency = fields.string("currency");
        return fields.build(() -> new AccountProfileUpdated(accountId, homeCountry, riskTier, dailyLimit, currency,
                clock.instant()), ACCOUNT_FIELDS);
    }

    FxRateUpdated fxRate(String currency, JsonNode json) {
        JsonFields fields = JsonFields.of(json);
        BigDecimal rate = fields.decimal("rateToBase");
        if (rate != null && rate.stripTrailingZeros().scale() > MAX_RATE_DECIMALS) {
            rate = fields.reject("rateToBase", "must have at most " + MAX_RATE_DECIMALS + " decimal places");
        }
        BigDecimal rateToBase = rate;
        return fields.build(() -> new FxRateUpdated(currency, rateToBase, baseCurrency, clock.instant()), FX_FIELDS);
    }
}
