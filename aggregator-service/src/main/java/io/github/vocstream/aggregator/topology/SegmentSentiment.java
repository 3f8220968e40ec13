package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.vocstream.aggregator.rating.Ratings;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running sentiment of one segment: how many items, how they split, their score sum, the ratings they gave, the
 * items not scored per language ({@link Tally}) and the latest one. Records stored before ratings or languages were
 * counted read as having none.
 */
public record SegmentSentiment(long count, long negative, long neutral, long positive, double scoreSum,
                               Instant lastFeedbackAt, Ratings ratings, Map<String, Long> unscored) {

    public SegmentSentiment {
        ratings = ratings == null ? Ratings.NONE : ratings;
        // Sorted, so that the stored and the shown JSON list languages in one order.
        unscored = unscored == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(unscored));
    }

    public SegmentSentiment(long count, long negative, long neutral, long positive, double scoreSum, Instant lastFeedbackAt) {
        this(count, negative, neutral, positive, scoreSum, lastFeedbackAt, Ratings.NONE, Map.of());
    }

    public static SegmentSentiment empty() {
        return new SegmentSentiment(0, 0, 0, 0, 0, null);
    }

    /**
     * These counts with {@code change} added (it may take items back), and the latest time an item reached ingest
     * moved to {@code latest} if that is later (null: no item added). A retraction leaves the latest time as it is:
     * which item came before a retracted latest one is not kept.
     */
    public SegmentSentiment plus(Tally change, Instant latest) {
        Instant last = lastFeedbackAt == null || latest != null && latest.isAfter(lastFeedbackAt) ? latest : lastFeedbackAt;
        return of(tally().plus(change), last);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return count <= 0;
    }

    /** The items that have a verdict. */
    @JsonIgnore
    public long scored() {
        return tally().scored();
    }

    /** The mean score of the items that have a verdict. */
    @JsonIgnore
    public double meanScore() {
        return tally().meanScore();
    }

    /** Its counts as a {@link Tally}: what a theme's row and a timeline bucket hold too. */
    @JsonIgnore
    public Tally tally() {
        return new Tally(count, negative, neutral, positive, scoreSum, ratings, unscored);
    }

    private static SegmentSentiment of(Tally tally, Instant lastFeedbackAt) {
        return new SegmentSentiment(tally.count(), tally.negative(), tally.neutral(), tally.positive(), tally.scoreSum(),
                lastFeedbackAt, tally.ratings(), tally.unscored());
    }
}
