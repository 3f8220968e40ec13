package io.github.vocstream.sentiment.stream;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.kafka.FeedbackRecords;
import io.github.vocstream.common.kafka.Topic;
import io.github.vocstream.common.kafka.Topics;
import jakarta.inject.Singleton;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Writes annotated feedback, or a retraction, to its topic, keyed by feedback id like the raw record it came from. */
@Singleton
public class AnnotatedPublisher {

    private final RecordPublisher publisher;
    private final Topic<String, AnnotatedFeedback> topic;

    public AnnotatedPublisher(RecordPublisher publisher, Topics topics) {
        this.publisher = publisher;
        this.topic = topics.annotated();
    }

    public Future<RecordMetadata> publish(AnnotatedFeedback feedback) {
        return send(feedback.id(), topic.valueSerde().serializer().serialize(topic.name(), feedback));
    }

    /** Passes on the retraction of {@code feedbackId}: a record under its id without a value. */
    public Future<RecordMetadata> retract(String feedbackId) {
        return send(feedbackId, null);
    }

    private Future<RecordMetadata> send(String feedbackId, byte[] value) {
        return publisher.send(FeedbackRecords.of(topic.name(), feedbackId, value));
    }
}
