package io.github.vocstream.sentiment.stream;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.kafka.FeedbackRecords;
import io.github.vocstream.common.kafka.Topic;
import io.github.vocstream.common.kafka.Topics;
import jakarta.inject.Singleton;

/** Writes annotated feedback, or a retraction, to its topic, keyed by feedback id like the raw record it came from. */
@Singleton
public class AnnotatedPublisher {

    private final RecordPublisher publisher;
    private final Topic<String, AnnotatedFeedback> topic;

    public AnnotatedPublisher(RecordPublisher publisher, Topics topics) {
        this.publisher = publisher;
        this.topic = topics.annotated();
    }

    public void publish(AnnotatedFeedback feedback) {
        send(feedback.id(), topic.valueSerde().serializer().serialize(topic.name(), feedback));
    }

    /** Passes on the retraction of {@code feedbackId}: a record under its id without a value. */
    public void retract(String feedbackId) {
        send(feedbackId, null);
    }

    private void send(String feedbackId, byte[] value) {
        publisher.send(FeedbackRecords.of(topic.name(), feedbackId, value));
    }
}
