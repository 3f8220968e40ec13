package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.SentimentLabel;
import java.time.Instant;
import java.util.List;

/**
 * A sentence behind a number: which feedback it is from, when that was written, how it reads, and where in it the
 * words are that made it evidence (a theme's; none for a candidate term, or in what was stored before they were kept).
 */
public record Evidence(String feedbackId, Instant occurredAt, String sentence, SentimentLabel label, double score,
                       List<Highlight> highlights) {

    public Evidence {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    public Evidence(String feedbackId, Instant occurredAt, String sentence, SentimentLabel label, double score) {
        this(feedbackId, occurredAt, sentence, label, score, List.of());
    }

    /** This evidence without its sentence (null), as a retraction carries it. */
    Evidence withoutSentence() {
        return new Evidence(feedbackId, occurredAt, null, label, score);
    }

    /** {@code evidence} without the sentences of one piece of feedback. */
    static List<Evidence> without(List<Evidence> evidence, String feedbackId) {
        return evidence.stream().filter(shown -> !shown.feedbackId().equals(feedbackId)).toList();
    }
}
