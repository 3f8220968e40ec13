package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.aggregator.topology.SegmentSentiment;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One segment's sentiment and scores as the API shows it: {@code count} is every item, {@code scored} those with a
 * verdict, which the counts by label and the mean are of; {@code unscored} says what the rest are.
 */
@Serdeable
public record SegmentView(String segment, long count, long negative, long neutral, long positive, double meanScore,
                          Instant lastFeedbackAt, ScoresView scores, long scored, UnscoredView unscored) {

    public static SegmentView of(String segment, SegmentSentiment sentiment) {
        return new SegmentView(segment, sentiment.count(), sentiment.negative(), sentiment.neutral(), sentiment.positive(),
                sentiment.meanScore(), sentiment.lastFeedbackAt(), ScoresView.of(sentiment.ratings()), sentiment.scored(),
                UnscoredView.of(sentiment.unscored()));
    }
}
