package dev.paymon.events;

import java.util.List;
import java.util.Map;

/** Every event type of the system, with its CloudEvents type and schema version. */
public final class EventTypes {

    /** Every event before version 2 of {@link FxRateUpdated} was quoted against EUR. */
    static final String V1_BASE_CURRENCY = "EUR";

    public static final EventType<PaymentInitiated> PAYMENT_INITIATED =
            EventType.of("dev.paymon.payment.initiated", PaymentInitiated.class);

    public static final EventType<AccountProfileUpdated> ACCOUNT_PROFILE_UPDATED =
            EventType.of("dev.paymon.account.profile-updated", AccountProfileUpdated.class);

    public static final EventType<FxRateUpdated> FX_RATE_UPDATED = new EventType<>(
            "dev.paymon.fx-rate.updated", FxRateUpdated.class, 2,
            Map.of(1, v1 -> v1.put("baseCurrency", V1_BASE_CURRENCY)));

    public static final EventType<PaymentEnriched> PAYMENT_ENRICHED =
            EventType.of("dev.paymon.payment.enriched", PaymentEnriched.class);

    public static final EventType<AccountActivity> ACCOUNT_ACTIVITY =
            EventType.of("dev.paymon.account.activity", AccountActivity.class);

    public static final EventType<AlertRaised> ALERT_RAISED =
            EventType.of("dev.paymon.alert.raised", AlertRaised.class);

    public static final List<EventType<?>> ALL = List.of(PAYMENT_INITIATED, ACCOUNT_PROFILE_UPDATED,
            FX_RATE_UPDATED, PAYMENT_ENRICHED, ACCOUNT_ACTIVITY, ALERT_RAISED);

    private EventTypes() {
    }
}
