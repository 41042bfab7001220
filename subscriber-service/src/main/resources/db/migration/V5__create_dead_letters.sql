-- The processor's dead letters, one row per record of payments.dlq.v1, from its DeadLetter headers.
-- The primary key is the record's place in that topic, so a record delivered again is skipped.
-- reason is a DeadLetterReason, checked by the application (see V1). The text columns are as wide as the
-- application lets them be: DeadLetter caps detail at 1000 characters, the repository clips the rest.
-- source_partition and source_offset are -1 and source_topic empty when the processor did not know them.
-- record_key is the original record's key (NULL when it had none); dead_lettered_at is the timestamp of the
-- dead-letter record, i.e. when the processor wrote it.
CREATE TABLE dead_letters (
    dlq_partition    INTEGER                  NOT NULL,
    dlq_offset       BIGINT                   NOT NULL,
    reason           VARCHAR(32)              NOT NULL,
    stage            VARCHAR(64)              NOT NULL,
    detail           VARCHAR(1000)            NOT NULL,
    source_topic     VARCHAR(249)             NOT NULL,
    source_partition INTEGER                  NOT NULL,
    source_offset    BIGINT                   NOT NULL,
    record_key       VARCHAR(255),
    dead_lettered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT dead_letters_pk PRIMARY KEY (dlq_partition, dlq_offset)
);

-- GET /api/v1/stats: the count per reason reads only this index (an index-only scan on PostgreSQL),
-- and the newest dead letters are the first entries of the second.
CREATE INDEX dead_letters_reason_idx ON dead_letters (reason);
CREATE INDEX dead_letters_newest_idx ON dead_letters (dead_lettered_at DESC, dlq_partition DESC, dlq_offset DESC);
