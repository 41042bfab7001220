-- Running totals of each account's payments, kept by the payments projection in the same transaction
-- as the payment row (only for a payment it had not stored yet), for GET /api/v1/accounts/{id}/summary.
-- A summary "as of" an instant is computed from the payments themselves instead.
CREATE TABLE account_summaries (
    account_id      VARCHAR(64)              NOT NULL,
    payment_count   BIGINT                   NOT NULL,
    total_base      NUMERIC                  NOT NULL,
    base_currency   VARCHAR(3)               NOT NULL,
    last_payment_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_summaries_pk PRIMARY KEY (account_id)
);

INSERT INTO account_summaries (account_id, payment_count, total_base, base_currency, last_payment_at)
SELECT account_id, COUNT(*), SUM(amount_base), MIN(base_currency), MAX(occurred_at)
FROM payments GROUP BY account_id;

-- Acknowledgements are the operators' decisions, not derived from any topic: they live apart from the
-- alerts projection, so that rebuilding the projections from Kafka keeps them.
CREATE TABLE alert_acknowledgements (
    alert_id        VARCHAR(64)              NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_acknowledgements_pk PRIMARY KEY (alert_id)
);

INSERT INTO alert_acknowledgements (alert_id, acknowledged_at)
SELECT alert_id, acknowledged_at FROM alerts WHERE acknowledged_at IS NOT NULL;

-- The open alerts of one account, for the summary.
CREATE INDEX alerts_account_status_idx ON alerts (account_id, status);
