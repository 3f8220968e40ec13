package io.github.vocstream.common.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A feedback event with the sentiment found in it, per sentence, per theme and for the whole; carries the original
 * event so evidence can quote it, and the id of the model that judged it, so annotations by different models can be
 * told apart (null in records written before it was recorded). Fields added later are optional, so they do not
 * change the schema version: readers ignore what they do not know and treat what is missing as empty.
 */
public record AnnotatedFeedback(
        int schemaVersion,
        FeedbackEvent feedback,
        DocumentSentiment document,
        List<SentenceSentiment> sentences,
        List<ThemeSentiment> themes,
        Instant annotatedAt,
        String model) {

    public static final int SCHEMA_VERSION = 1;

    public AnnotatedFeedback {
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(document, "document");
        sentences = List.copyOf(sentences);
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /** Annotated feedback without the id of the model that judged it. */
    public AnnotatedFeedback(int schemaVersion, FeedbackEvent feedback, DocumentSentiment document,
                             List<SentenceSentiment> sentences, List<ThemeSentiment> themes, Instant annotatedAt) {
        this(schemaVersion, feedback, document, sentences, themes, annotatedAt, null);
    }

    public String id() {
        return feedback.id();
    }
}
