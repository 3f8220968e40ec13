package io.github.vocstream.common.kafka;

import io.github.vocstream.common.event.Alert;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.Erasure;
import io.github.vocstream.common.event.FeedbackEvent;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The system's topics: feedback keyed by feedback id (the dead-letter topic keeps the original bytes), alerts by
 * alert id, erasures by erasure id.
 */
public record Topics(
        Topic<String, FeedbackEvent> raw,
        Topic<String, AnnotatedFeedback> annotated,
        Topic<String, byte[]> dlq,
        Topic<String, Alert> alerts,
        Topic<String, Erasure> erasures) {

    public static Topics named(TopicNames names) {
        return new Topics(
                new Topic<>(names.raw(), Serdes.String(), JsonSerde.of(FeedbackEvent.class)),
                new Topic<>(names.annotated(), Serdes.String(), JsonSerde.of(AnnotatedFeedback.class)),
                new Topic<>(names.dlq(), Serdes.String(), Serdes.ByteArray()),
                new Topic<>(names.alerts(), Serdes.String(), JsonSerde.of(Alert.class)),
                new Topic<>(names.erasures(), Serdes.String(), JsonSerde.of(Erasure.class)));
    }
}
