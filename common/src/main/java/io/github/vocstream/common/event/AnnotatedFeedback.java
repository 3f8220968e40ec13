package io.github.vocstream.common.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A feedback event with the sentiment found in it, per sentence, per theme and for the whole; carries the original
 * event so evidence can quote it, and the id of the model that judged it, so annotations by different models can be
 * told apart (null in records written before it was recorded). Fields added later are optional, so they do not
 * change the schema version: readers ignore what they do not know and treat what is missing as empty.
 *
 * <p>Text in a language the model cannot read is not scored: {@code document} is null, its sentences carry no label
 * (they are kept as evidence) and its themes no sentiment; {@code language} says which language it was read as (null
 * in records written before languages were detected, which were all scored as English). A reader that requires a
 * document refuses such a record rather than counting a verdict nobody gave.
 */
public record AnnotatedFeedback(
        int schemaVersion,
        FeedbackEvent feedback,
        DocumentSentiment document,
        List<SentenceSentiment> sentences,
        List<ThemeSentiment> themes,
        Instant annotatedAt,
        String model,
        TextLanguage language) {

    public static final int SCHEMA_VERSION = 1;

    public AnnotatedFeedback {
        Objects.requireNonNull(feedback, "feedback");
        sentences = List.copyOf(sentences);
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /** Annotated feedback without the id of the model that judged it. */
    public AnnotatedFeedback(int schemaVersion, FeedbackEvent feedback, DocumentSentiment document,
                             List<SentenceSentiment> sentences, List<ThemeSentiment> themes, Instant annotatedAt) {
        this(schemaVersion, feedback, document, sentences, themes, annotatedAt, null, null);
    }

    /** Annotated feedback of a record written before languages were detected. */
    public AnnotatedFeedback(int schemaVersion, FeedbackEvent feedback, DocumentSentiment document,
                             List<SentenceSentiment> sentences, List<ThemeSentiment> themes, Instant annotatedAt, String model) {
        this(schemaVersion, feedback, document, sentences, themes, annotatedAt, model, null);
    }

    /** False when the text was in a language the model cannot read, so nothing in it has a sentiment. */
    @JsonIgnore
    public boolean isScored() {
        return document != null;
    }

    public String id() {
        return feedback.id();
    }
}
