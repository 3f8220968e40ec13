package io.github.vocstream.common.event;

/** The sentiment of a whole piece of feedback: a label and a score in [-1, 1]. */
public record DocumentSentiment(SentimentLabel label, double score) {
}
