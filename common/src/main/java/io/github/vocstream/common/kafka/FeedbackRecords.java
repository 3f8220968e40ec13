package io.github.vocstream.common.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The rules every service keeps for the feedback topics' records, written once: a record is keyed by its feedback id
 * and carries it in the {@link Headers#FEEDBACK_ID} header; a record without a value retracts the id (a tombstone);
 * a record of a schema version newer than the reader knows is refused, not guessed at.
 */
public final class FeedbackRecords {

    /** Why a record without a value and without a key is a dead letter: it retracts nothing anyone can name. */
    public static final String UNKEYED_RETRACTION = "a retraction must be keyed by the feedback id";

    private FeedbackRecords() {
    }

    /** A record of {@code topic} keyed by {@code feedbackId}, with its header; {@code value} null makes it a retraction. */
    public static ProducerRecord<String, byte[]> of(String topic, String feedbackId, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, feedbackId, value);
        record.headers().add(Headers.FEEDBACK_ID, feedbackId.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Why a record of {@code schemaVersion} cannot be read by a reader that knows up to {@code known}; empty if it can. */
    public static Optional<String> unreadableSchema(int schemaVersion, int known) {
        return schemaVersion > known
                ? Optional.of("schema version " + schemaVersion + " is newer than this service knows (" + known + ")")
                : Optional.empty();
    }
}
