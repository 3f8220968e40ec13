package io.github.vocstream.common.kafka;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.FeedbackEvent;
import org.apache.kafka.common.serialization.Serdes;

/** The system's topics, all keyed by feedback id. The dead-letter topic keeps the original bytes. */
public record Topics(
        Topic<String, FeedbackEvent> raw,
        Topic<String, AnnotatedFeedback> annotated,
        Topic<String, byte[]> dlq) {

    public static Topics named(TopicNames names) {
        return new Topics(
                new Topic<>(names.raw(), Serdes.String(), JsonSerde.of(FeedbackEvent.class)),
                new Topic<>(names.annotated(), Serdes.String(), JsonSerde.of(AnnotatedFeedback.class)),
                new Topic<>(names.dlq(), Serdes.String(), Serdes.ByteArray()));
    }
}
