package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.vocstream.common.event.SentimentLabel;

/** Counts by label and a score sum: what a timeline bucket holds, and the core of a theme's row. */
public record Tally(long count, long negative, long neutral, long positive, double scoreSum) {

    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0);

    public Tally add(SentimentLabel label, double score) {
        return new Tally(count + 1,
                negative + (label == SentimentLabel.NEGATIVE ? 1 : 0),
                neutral + (label == SentimentLabel.NEUTRAL ? 1 : 0),
                positive + (label == SentimentLabel.POSITIVE ? 1 : 0),
                scoreSum + score);
    }

    @JsonIgnore
    public double meanScore() {
        return count == 0 ? 0 : scoreSum / count;
    }
}
