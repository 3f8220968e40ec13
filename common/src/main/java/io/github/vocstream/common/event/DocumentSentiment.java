package io.github.vocstream.common.event;

/**
 * The sentiment of a whole piece of feedback: a label, a score in [-1, 1], and the probability the model gives the
 * label (null where the label comes from a band around a score rather than from a class probability).
 */
public record DocumentSentiment(SentimentLabel label, double score, Double probability) {

    public DocumentSentiment(SentimentLabel label, double score) {
        this(label, score, null);
    }
}
