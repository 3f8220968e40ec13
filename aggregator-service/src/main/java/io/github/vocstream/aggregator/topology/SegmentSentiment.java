package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** The running sentiment of one segment: how many items, how they split, their score sum and the latest one. */
public record SegmentSentiment(long count, long negative, long neutral, long positive, double scoreSum,
                               Instant lastFeedbackAt) {

    public static SegmentSentiment empty() {
        return new SegmentSentiment(0, 0, 0, 0, 0, null);
    }

    public SegmentSentiment add(SegmentUpdate update) {
        Instant latest = lastFeedbackAt == null || update.receivedAt().isAfter(lastFeedbackAt) ? update.receivedAt() : lastFeedbackAt;
        return of(tally().add(update.label(), update.score()), latest);
    }

    /**
     * Takes back an item that {@link #add} counted. The latest time stays: which item came before a retracted latest
     * one is not kept.
     */
    public SegmentSentiment remove(SegmentUpdate update) {
        return of(tally().remove(update.label(), update.score()), lastFeedbackAt);
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
        return new Tally(count, negative, neutral, positive, scoreSum);
    }

    private static SegmentSentiment of(Tally tally, Instant lastFeedbackAt) {
        return new SegmentSentiment(tally.count(), tally.negative(), tally.neutral(), tally.positive(), tally.scoreSum(),
                lastFeedbackAt);
    }
}
