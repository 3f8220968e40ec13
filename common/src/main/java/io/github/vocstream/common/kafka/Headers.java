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

    /**
     * Marks a record as a dead letter: why, what failed (when an exception did), where it was read and who gave up.
     * The record keeps its original key, value and other headers.
     */
    public static void addDeadLetter(org.apache.kafka.common.header.Headers target, String reason, String exceptionClass,
                                     String source, String service) {
        target.add(DLQ_REASON, utf8(reason));
        target.add(DLQ_SERVICE, utf8(service));
        if (source != null) {
            target.add(DLQ_SOURCE, utf8(source));
        }
        if (exceptionClass != null) {
            target.add(DLQ_EXCEPTION, utf8(exceptionClass));
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The {@code topic-partition@offset} coordinates written to {@link #DLQ_SOURCE}. */
    public static String coordinates(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }
}
