package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.Ratings;
import java.util.Map;

/**
 * {@link Tally}s added up in place: what a pending delta keeps per subject and bucket while it collects, so that an
 * item adds to its counts without a new tally per segment, subject and bucket.
 */
final class TallySum {

    private long count;
    private long negative;
    private long neutral;
    private long positive;
    private double scoreSum;
    private Ratings ratings = Ratings.NONE;
    private Map<String, Long> unscored = Map.of();

    void add(Tally tally) {
        count += tally.count();
        negative += tally.negative();
        neutral += tally.neutral();
        positive += tally.positive();
        scoreSum += tally.scoreSum();
        // Both return what they were given when the tally has none: no copy for the common case.
        ratings = ratings.plus(tally.ratings());
        unscored = Unscored.plus(unscored, tally.unscored());
    }

    Tally toTally() {
        return new Tally(count, negative, neutral, positive, scoreSum, ratings, unscored);
    }
}
