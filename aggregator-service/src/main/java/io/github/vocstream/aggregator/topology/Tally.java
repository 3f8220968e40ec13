package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.vocstream.aggregator.rating.Rating;
import io.github.vocstream.aggregator.rating.Ratings;
import io.github.vocstream.common.event.SentimentLabel;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts by label, a score sum and the ratings given: what a timeline bucket holds, and the core of a theme's row.
 * An item in a language the model does not read has no label: it counts in {@code count} and in {@code unscored}
 * under its language, in no label and not in the mean. Records stored before ratings or languages were counted
 * read as having none.
 */
public record Tally(long count, long negative, long neutral, long positive, double scoreSum, Ratings ratings,
                    Map<String, Long> unscored) {

    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0);

    public Tally {
        ratings = ratings == null ? Ratings.NONE : ratings;
        // Sorted, so that the stored and the shown JSON list languages in one order. Nearly every tally has none: no copy.
        unscored = unscored == null || unscored.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(unscored));
    }

    public Tally(long count, long negative, long neutral, long positive, double scoreSum) {
        this(count, negative, neutral, positive, scoreSum, Ratings.NONE, Map.of());
    }

    /** Adds one item's verdict (a null label: not scored, counted under {@code language}) and its rating (null for none). */
    public Tally add(SentimentLabel label, double score, Rating rating, String language) {
        return plus(label, score, rating, language, 1);
    }

    /** Takes back an item that {@link #add} counted. */
    public Tally remove(SentimentLabel label, double score, Rating rating, String language) {
        return plus(label, score, rating, language, -1);
    }

    private Tally plus(SentimentLabel label, double score, Rating rating, String language, int sign) {
        return new Tally(count + sign,
                negative + (label == SentimentLabel.NEGATIVE ? sign : 0),
                neutral + (label == SentimentLabel.NEUTRAL ? sign : 0),
                positive + (label == SentimentLabel.POSITIVE ? sign : 0),
                scoreSum + (label == null ? 0 : sign * score),
                ratings.plus(rating, sign),
                label == null ? Unscored.plus(unscored, language, sign) : unscored);
    }

    /** These counts and {@code other}'s added up: what two runs of items counted apart give together. */
    public Tally plus(Tally other) {
        return new Tally(count + other.count, negative + other.negative, neutral + other.neutral, positive + other.positive,
                scoreSum + other.scoreSum, ratings.plus(other.ratings), Unscored.plus(unscored, other.unscored));
    }

    /** The items that have a verdict. */
    @JsonIgnore
    public long scored() {
        return negative + neutral + positive;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return count <= 0;
    }

    /** The mean score of the items that have a verdict. */
    @JsonIgnore
    public double meanScore() {
        return scored() == 0 ? 0 : scoreSum / scored();
    }
}
