-- Payments the processor handled after their event-time window had closed (late=true on payments.enriched.v1):
-- stored and counted like any other, but not in their window's account_activity. Rows of earlier releases were not
-- late (late payments were dead-lettered then).
ALTER TABLE payments ADD COLUMN late BOOLEAN DEFAULT FALSE NOT NULL;

-- The payment's dev.paymon.events.PaymentFingerprint: the same paymentId delivered again is a duplicate only with
-- the same fingerprint, and a conflict otherwise (dead-lettered PAYMENT_ID_CONFLICT). NULL in rows of earlier
-- releases, which are compared by their columns instead.
ALTER TABLE payments ADD COLUMN fingerprint BIGINT;

-- Running counts for GET /api/v1/stats, kept by the projections in the transactions that store what they count, so
-- the stats read these few rows whatever the size of the tables. Counters: payments.<status>, payments.late,
-- alerts.<rule>, alerts.acknowledged.<rule>, dead_letters.<reason> (the processor's), subscriber_dead_letters.<reason>.
-- Every counter a release knows has its row here (writers only update), so that two writers never race to insert
-- one; a release with a new status, rule or reason adds its rows in its migration.
CREATE TABLE projection_counts (
    counter VARCHAR(64) NOT NULL,
    n       BIGINT      NOT NULL,
    CONSTRAINT projection_counts_pk PRIMARY KEY (counter)
);

INSERT INTO projection_counts (counter, n)
SELECT 'payments.' || s.status, (SELECT COUNT(*) FROM payments p WHERE p.status = s.status)
FROM (VALUES ('ACCEPTED'), ('FLAGGED')) AS s(status);
INSERT INTO projection_counts (counter, n) VALUES ('payments.late', 0);

INSERT INTO projection_counts (counter, n)
SELECT 'alerts.' || r.rule, (SELECT COUNT(*) FROM alerts a WHERE a.rule = r.rule)
FROM (VALUES ('LARGE_AMOUNT'), ('VELOCITY'), ('IMPOSSIBLE_TRAVEL'), ('DAILY_LIMIT')) AS r(rule);
INSERT INTO projection_counts (counter, n)
SELECT 'alerts.acknowledged.' || r.rule,
       (SELECT COUNT(*) FROM alerts a WHERE a.rule = r.rule AND a.status = 'ACKNOWLEDGED')
FROM (VALUES ('LARGE_AMOUNT'), ('VELOCITY'), ('IMPOSSIBLE_TRAVEL'), ('DAILY_LIMIT')) AS r(rule);

INSERT INTO projection_counts (counter, n)
SELECT 'dead_letters.' || d.reason, (SELECT COUNT(*) FROM dead_letters l WHERE l.reason = d.reason)
FROM (VALUES ('UNDECODABLE'), ('INVALID_EVENT'), ('UNKNOWN_FX_RATE'), ('LATE_EVENT'), ('MISSING_EVENT_TIME'),
             ('PROCESSING_ERROR'), ('PAYMENT_ID_CONFLICT')) AS d(reason);
INSERT INTO projection_counts (counter, n)
SELECT 'subscriber_dead_letters.' || d.reason, 0
FROM (VALUES ('UNDECODABLE'), ('INVALID_EVENT'), ('UNKNOWN_FX_RATE'), ('LATE_EVENT'), ('MISSING_EVENT_TIME'),
             ('PROCESSING_ERROR'), ('PAYMENT_ID_CONFLICT')) AS d(reason);

-- Every record the subscriber dead-letters to subscriber.dlq.v1, by the record's place, so that it goes there once
-- however often the record is delivered again: recorded (sent = FALSE) before it is sent, with the DLQ partition it
-- goes to and that partition's end offset before the send (scan_from), marked sent once the broker has it. A record
-- found unsent (the process died in between) is looked for in the DLQ from scan_from before it is sent again. Kept
-- by rebuilds: what went to the DLQ once is not sent again.
CREATE TABLE subscriber_dead_letters (
    source_topic     VARCHAR(249)             NOT NULL,
    source_partition INTEGER                  NOT NULL,
    source_offset    BIGINT                   NOT NULL,
    reason           VARCHAR(32)              NOT NULL,
    dlq_partition    INTEGER                  NOT NULL,
    scan_from        BIGINT                   NOT NULL,
    sent             BOOLEAN                  NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT subscriber_dead_letters_pk PRIMARY KEY (source_topic, source_partition, source_offset)
);
