-- Processed payments, one row per paymentId, projected from payments.enriched.v1.
-- Every migration runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
-- Ids are at most 64 characters and currencies 3 (validated in common-events);
-- money is NUMERIC without a scale so that converted amounts keep every digit.
-- status is ACCEPTED or FLAGGED, checked by the application: H2 2.4.240 rejects every row from any
-- connection but the creating one once a table has a CHECK (status IN (...)) constraint.
CREATE TABLE payments (
    payment_id    VARCHAR(64)              NOT NULL,
    account_id    VARCHAR(64)              NOT NULL,
    amount        NUMERIC                  NOT NULL,
    currency      VARCHAR(3)               NOT NULL,
    amount_base   NUMERIC                  NOT NULL,
    base_currency VARCHAR(3)               NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    alert_ids     VARCHAR(64) ARRAY        NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT payments_pk PRIMARY KEY (payment_id)
);

-- An account's payments, newest first, paged by (occurred_at, payment_id).
CREATE INDEX payments_account_occurred_idx ON payments (account_id, occurred_at DESC, payment_id DESC);
