package dev.paymon.events;

import java.util.List;

/** Every topic of the system. Names are part of the public contract. */
public final class Topics {

    /** Key accountId. Written by the publisher. */
    public static final Topic<PaymentInitiated> PAYMENTS_INITIATED =
            Topic.events("payments.initiated.v1", EventTypes.PAYMENT_INITIATED);

    /** Key accountId, compacted. Written by the publisher. */
    public static final Topic<AccountProfileUpdated> ACCOUNTS_REFERENCE =
            Topic.compacted("reference.accounts.v1", EventTypes.ACCOUNT_PROFILE_UPDATED);

    /** Key currency, compacted. Written by the publisher. */
    public static final Topic<FxRateUpdated> FX_RATES_REFERENCE =
            Topic.compacted("reference.fx-rates.v1", EventTypes.FX_RATE_UPDATED);

    /** Key accountId. Every valid, de-duplicated payment; the system of record. Written by the processor. */
    public static final Topic<PaymentEnriched> PAYMENTS_ENRICHED =
            Topic.events("payments.enriched.v1", EventTypes.PAYMENT_ENRICHED);

    /** Key accountId. Final result of each tumbling window per account. Written by the processor. */
    public static final Topic<AccountActivity> ACCOUNTS_ACTIVITY =
            Topic.events("accounts.activity.v1", EventTypes.ACCOUNT_ACTIVITY);

    /** Key accountId. One record per alert. Written by the processor. */
    public static final Topic<AlertRaised> FRAUD_ALERTS =
            Topic.events("fraud.alerts.v1", EventTypes.ALERT_RAISED);

    /** Original key, original bytes, {@link DeadLetter} headers. Written by the processor. */
    public static final Topic<byte[]> PAYMENTS_DLQ = Topic.raw("payments.dlq.v1");

    /** Records the subscriber could not project: original bytes, {@link DeadLetter} headers. */
    public static final Topic<byte[]> SUBSCRIBER_DLQ = Topic.raw("subscriber.dlq.v1");

    public static final List<Topic<?>> ALL = List.of(PAYMENTS_INITIATED, ACCOUNTS_REFERENCE, FX_RATES_REFERENCE,
            PAYMENTS_ENRICHED, ACCOUNTS_ACTIVITY, FRAUD_ALERTS, PAYMENTS_DLQ, SUBSCRIBER_DLQ);

    private Topics() {
    }
}
