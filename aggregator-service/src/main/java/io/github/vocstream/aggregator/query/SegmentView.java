package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.SegmentSentiment;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One segment's sentiment and scores as the API shows it. */
@Serdeable
public record SegmentView(String segment, long count, long negative, long neutral, long positive, double meanScore,
                          Instant lastFeedbackAt, ScoresView scores) {

    public static SegmentView of(String segment, SegmentSentiment sentiment) {
        return new SegmentView(segment, sentiment.count(), sentiment.negative(), sentiment.neutral(), sentiment.positive(),
                sentiment.meanScore(), sentiment.lastFeedbackAt(), ScoresView.of(sentiment.ratings()));
    }
}
