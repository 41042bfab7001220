-- Where each consumer group goes on in each partition it projects: the offset of the next record to
-- apply. It is written in the same database transaction as the projection rows that record changed,
-- so rows and offsets never disagree; Kafka's own committed offsets only serve lag monitoring.
-- "partition" is quoted as H2 reserves the word (window functions); PostgreSQL accepts it either way.
CREATE TABLE consumer_offsets (
    consumer_group VARCHAR(255)             NOT NULL,
    topic          VARCHAR(249)             NOT NULL,
    "partition"    INTEGER                  NOT NULL,
    next_offset    BIGINT                   NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT consumer_offsets_pk PRIMARY KEY (consumer_group, topic, "partition")
);
