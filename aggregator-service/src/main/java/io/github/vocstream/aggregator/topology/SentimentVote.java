package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import java.time.Instant;

/** What one piece of feedback adds to each of its segments; small, because it crosses the repartition topic. */
public record SentimentVote(SentimentLabel label, double score, Instant receivedAt) {

    public static SentimentVote of(AnnotatedFeedback feedback) {
        return new SentimentVote(feedback.document().label(), feedback.document().score(), feedback.feedback().receivedAt());
    }
}
