package io.github.vocstream.aggregator.query;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A segment's (or one of its themes') feedback over time; buckets without feedback are left out. */
@Serdeable
public record TimelineView(String segment, String theme, String bucket, Instant from, Instant to, List<BucketView> buckets) {

    /** One bucket of event time, named by its start. */
    @Serdeable
    public record BucketView(Instant start, long count, long negative, long neutral, long positive, double meanScore,
                             ScoresView scores) {
    }
}
