package io.github.vocstream.common.kafka;

/** Names of the Kafka record headers the services write. */
public final class Headers {

    /** The feedback id, so that consumers can deduplicate without parsing the value. */
    public static final String FEEDBACK_ID = "voc.feedback.id";

    /** Why a record went to the dead-letter topic, in one line. */
    public static final String DLQ_REASON = "voc.dlq.reason";
    /** The exception class behind the dead letter, if any. */
    public static final String DLQ_EXCEPTION = "voc.dlq.exception";
    /** Where the record was read: {@code topic-partition@offset}. */
    public static final String DLQ_SOURCE = "voc.dlq.source";
    /** Which service gave up on the record. */
    public static final String DLQ_SERVICE = "voc.dlq.service";

    private Headers() {
    }

    /** The {@code topic-partition@offset} coordinates written to {@link #DLQ_SOURCE}. */
    public static String coordinates(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }
}
