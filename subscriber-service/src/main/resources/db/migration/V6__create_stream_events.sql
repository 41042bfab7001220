-- The live stream's outbox: every newly projected value announced on GET /api/v1/stream, written in
-- the same transaction as the projection rows, so the stream shows exactly what was committed.
-- Ids come from stream_sequence inside that transaction: its row lock is held until commit, so ids
-- commit in id order without gaps, and a client resumes with Last-Event-ID by reading id > n.
-- Rows older than paymon.subscriber.stream.horizon are pruned, always a prefix of the ids.
-- data is the event's JSON; VARCHAR without a length is unbounded on PostgreSQL and up to a million
-- characters on H2, far more than one event.
CREATE TABLE stream_events (
    id         BIGINT                   NOT NULL,
    event_name VARCHAR(16)              NOT NULL,
    account_id VARCHAR(64)              NOT NULL,
    data       VARCHAR                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT stream_events_pk PRIMARY KEY (id)
);

-- A client that follows one account catches up through this index.
CREATE INDEX stream_events_account_idx ON stream_events (account_id, id);
-- The pruner finds the events older than the horizon.
CREATE INDEX stream_events_created_idx ON stream_events (created_at);

-- The last id handed out; one row, updated (and so locked) by each transaction that appends events.
CREATE TABLE stream_sequence (
    last_id BIGINT NOT NULL
);
INSERT INTO stream_sequence (last_id) VALUES (0);

-- Records of a partition below stream_from were handled once before a rebuild of the projections:
-- they are projected again, but their effects outside the database are not repeated (they are not
-- announced on the stream again, and a poison record is not dead-lettered again).
ALTER TABLE consumer_offsets ADD COLUMN stream_from BIGINT DEFAULT 0 NOT NULL;
