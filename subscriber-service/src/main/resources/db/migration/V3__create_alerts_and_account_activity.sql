-- Fraud alerts, one row per alertId, projected from fraud.alerts.v1, with their review status.
-- rule, severity and status (OPEN or ACKNOWLEDGED) are checked by the application, see V1.
-- acknowledged_at is set once, by the first acknowledgement.
CREATE TABLE alerts (
    alert_id        VARCHAR(64)              NOT NULL,
    account_id      VARCHAR(64)              NOT NULL,
    rule            VARCHAR(32)              NOT NULL,
    severity        VARCHAR(16)              NOT NULL,
    payment_ids     VARCHAR(64) ARRAY        NOT NULL,
    detected_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT alerts_pk PRIMARY KEY (alert_id)
);

-- GET /api/v1/alerts: newest first, all alerts or one account's (rule and status filter the rows read).
CREATE INDEX alerts_detected_idx ON alerts (detected_at DESC, alert_id DESC);
CREATE INDEX alerts_account_detected_idx ON alerts (account_id, detected_at DESC, alert_id DESC);
-- The open alerts, a small part of all once they are worked through.
CREATE INDEX alerts_status_detected_idx ON alerts (status, detected_at DESC, alert_id DESC);

-- Final results of the tumbling event-time windows of each account, from accounts.activity.v1.
-- The primary key serves GET /api/v1/accounts/{accountId}/activity (one account, by window start).
-- "count" is quoted as H2 treats the word specially; money is NUMERIC in the base currency.
CREATE TABLE account_activity (
    account_id   VARCHAR(64)              NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end   TIMESTAMP WITH TIME ZONE NOT NULL,
    "count"      BIGINT                   NOT NULL,
    total_base   NUMERIC                  NOT NULL,
    max_base     NUMERIC                  NOT NULL,
    CONSTRAINT account_activity_pk PRIMARY KEY (account_id, window_start)
);
