package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.vocstream.aggregator.rating.Ratings;
import java.time.Instant;

/**
 * The running sentiment of one segment: how many items, how they split, their score sum, the ratings they gave and
 * the latest one. Records stored before ratings were counted read as having none.
 */
public record SegmentSentiment(long count, long negative, long neutral, long positive, double scoreSum,
                               Instant lastFeedbackAt, Ratings ratings) {

    public SegmentSentiment {
        ratings = ratings == null ? Ratings.NONE : ratings;
    }

    public SegmentSentiment(long count, long negative, long neutral, long positive, double scoreSum, Instant lastFeedbackAt) {
        this(count, negative, neutral, positive, scoreSum, lastFeedbackAt, Ratings.NONE);
    }

    public static SegmentSentiment empty() {
        return new SegmentSentiment(0, 0, 0, 0, 0, null);
    }

    public SegmentSentiment add(SegmentUpdate update) {
        Instant latest = lastFeedbackAt == null || update.receivedAt().isAfter(lastFeedbackAt) ? update.receivedAt() : lastFeedbackAt;
        return of(tally().add(update.label(), update.score(), update.rating()), latest);
    }

    /**
     * Takes back an item that {@link #add} counted. The latest time stays: which item came before a retracted latest
     * one is not kept.
     */
    public SegmentSentiment remove(SegmentUpdate update) {
        return of(tally().remove(update.label(), update.score(), update.rating()), lastFeedbackAt);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return count <= 0;
    }

    @JsonIgnore
    public double meanScore() {
        return count == 0 ? 0 : scoreSum / count;
    }

    private Tally tally() {
        return new Tally(count, negative, neutral, positive, scoreSum, ratings);
    }

    private static SegmentSentiment of(Tally tally, Instant lastFeedbackAt) {
        return new SegmentSentiment(tally.count(), tally.negative(), tally.neutral(), tally.positive(), tally.scoreSum(),
                lastFeedbackAt, tally.ratings());
    }
}
