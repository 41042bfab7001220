package dev.paymon.events;

/** Kafka record header names used across the system. */
public final class HeaderNames {

    // CloudEvents 1.0, Kafka protocol binding, binary content mode.
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    // Dead-letter records: why and where a record failed.
    public static final String DLQ_REASON = "dlq_reason";
    public static final String DLQ_STAGE = "dlq_stage";
    public static final String DLQ_DETAIL = "dlq_detail";
    public static final String DLQ_SOURCE_TOPIC = "dlq_source_topic";
    public static final String DLQ_SOURCE_PARTITION = "dlq_source_partition";
    public static final String DLQ_SOURCE_OFFSET = "dlq_source_offset";

    private HeaderNames() {
    }
}
