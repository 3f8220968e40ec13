package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.vocstream.common.event.SentimentLabel;

/** Counts by label and a score sum: what a timeline bucket holds, and the core of a theme's row. */
public record Tally(long count, long negative, long neutral, long positive, double scoreSum) {

    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0);

    public Tally add(SentimentLabel label, double score) {
        return plus(label, score, 1);
    }

    /** Takes back an item that {@link #add} counted. */
    public Tally remove(SentimentLabel label, double score) {
        return plus(label, score, -1);
    }

    private Tally plus(SentimentLabel label, double score, int sign) {
        return new Tally(count + sign,
                negative + (label == SentimentLabel.NEGATIVE ? sign : 0),
                neutral + (label == SentimentLabel.NEUTRAL ? sign : 0),
                positive + (label == SentimentLabel.POSITIVE ? sign : 0),
                scoreSum + sign * score);
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
