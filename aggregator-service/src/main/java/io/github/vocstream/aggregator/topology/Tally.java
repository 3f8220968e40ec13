package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.vocstream.aggregator.rating.Rating;
import io.github.vocstream.aggregator.rating.Ratings;
import io.github.vocstream.common.event.SentimentLabel;

/**
 * Counts by label, a score sum and the ratings given: what a timeline bucket holds, and the core of a theme's row.
 * Records stored before ratings were counted read as having none.
 */
public record Tally(long count, long negative, long neutral, long positive, double scoreSum, Ratings ratings) {

    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0);

    public Tally {
        ratings = ratings == null ? Ratings.NONE : ratings;
    }

    public Tally(long count, long negative, long neutral, long positive, double scoreSum) {
        this(count, negative, neutral, positive, scoreSum, Ratings.NONE);
    }

    /** Adds one item's verdict and its rating (null for none). */
    public Tally add(SentimentLabel label, double score, Rating rating) {
        return plus(label, score, rating, 1);
    }

    /** Takes back an item that {@link #add} counted. */
    public Tally remove(SentimentLabel label, double score, Rating rating) {
        return plus(label, score, rating, -1);
    }

    private Tally plus(SentimentLabel label, double score, Rating rating, int sign) {
        return new Tally(count + sign,
                negative + (label == SentimentLabel.NEGATIVE ? sign : 0),
                neutral + (label == SentimentLabel.NEUTRAL ? sign : 0),
                positive + (label == SentimentLabel.POSITIVE ? sign : 0),
                scoreSum + sign * score,
                ratings.plus(rating, sign));
    }

    @JsonIgnore
    public boolean isEmpty() {
        return count <= 0;
    }

    @JsonIgnore
    public double meanScore() {
        return count == 0 ? 0 : scoreSum / count;
    }
}
