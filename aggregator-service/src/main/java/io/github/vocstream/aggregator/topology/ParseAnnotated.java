package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.kafka.FeedbackRecords;
import io.github.vocstream.common.kafka.Headers;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Parses annotated feedback; a record without a value (a tombstone) retracts the feedback its key names. A record
 * that does not parse, or whose key is not its feedback id, becomes {@link Parsed.Bad} with the dead-letter headers
 * already set. Parsing here rather than in the source serde
 * routes poison records to the DLQ instead of stopping the stream.
 */
final class ParseAnnotated implements FixedKeyProcessor<String, byte[], Parsed> {

    static final String SERVICE = "aggregator-service";

    private final Deserializer<AnnotatedFeedback> deserializer;
    private FixedKeyProcessorContext<String, Parsed> context;

    ParseAnnotated(Deserializer<AnnotatedFeedback> deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Parsed> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() == null) {
                forwardBad(record, FeedbackRecords.UNKEYED_RETRACTION, null);
            } else {
                context.forward(record.withValue(Parsed.RETRACTED));
            }
            return;
        }
        AnnotatedFeedback feedback;
        try {
            feedback = deserializer.deserialize(null, record.value());
        } catch (SerializationException e) {
            forwardBad(record, "value is not annotated feedback", e.getClass().getName());
            return;
        }
        Optional<String> unreadable = feedback == null ? Optional.empty()
                : FeedbackRecords.unreadableSchema(feedback.schemaVersion(), AnnotatedFeedback.SCHEMA_VERSION);
        if (feedback == null) {
            forwardBad(record, "value is empty", null);
        } else if (unreadable.isPresent()) {
            forwardBad(record, unreadable.get(), null);
        } else if (!feedback.id().equals(record.key())) {
            // Deduplication relies on every delivery of an id reaching the same partition, i.e. on this key.
            forwardBad(record, "record key does not match the feedback id", null);
        } else {
            context.forward(record.withValue(new Parsed.Ok(feedback)));
        }
    }

    private void forwardBad(FixedKeyRecord<String, byte[]> record, String reason, String exception) {
        String source = context.recordMetadata()
                .map(metadata -> Headers.coordinates(metadata.topic(), metadata.partition(), metadata.offset()))
                .orElse(null);
        Headers.addDeadLetter(record.headers(), reason, exception, source, SERVICE);
        context.forward(record.withValue(new Parsed.Bad(record.value())));
    }
}
