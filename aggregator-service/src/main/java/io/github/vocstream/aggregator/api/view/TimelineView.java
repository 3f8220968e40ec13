package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.aggregator.topology.Tally;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A segment's (or one of its themes') feedback over time; buckets without feedback are left out. */
@Serdeable
public record TimelineView(String segment, String theme, String bucket, Instant from, Instant to, List<BucketView> buckets) {

    /** One bucket of event time, named by its start. */
    @Serdeable
    public record BucketView(Instant start, long count, long negative, long neutral, long positive, double meanScore,
                             ScoresView scores, long scored, UnscoredView unscored) {

        public static BucketView of(Instant start, Tally tally) {
            return new BucketView(start, tally.count(), tally.negative(), tally.neutral(), tally.positive(), tally.meanScore(),
                    ScoresView.of(tally.ratings()), tally.scored(), UnscoredView.of(tally.unscored()));
        }
    }
}
