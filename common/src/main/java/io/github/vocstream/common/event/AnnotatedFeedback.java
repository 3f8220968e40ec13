package io.github.vocstream.common.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A feedback event with the sentiment found in it; carries the original event so evidence can quote it. */
public record AnnotatedFeedback(
        int schemaVersion,
        FeedbackEvent feedback,
        DocumentSentiment document,
        List<SentenceSentiment> sentences,
        Instant annotatedAt) {

    public static final int SCHEMA_VERSION = 1;

    public AnnotatedFeedback {
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(document, "document");
        sentences = List.copyOf(sentences);
    }

    public String id() {
        return feedback.id();
    }
}
