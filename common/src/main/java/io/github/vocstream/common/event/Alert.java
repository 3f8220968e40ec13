package io.github.vocstream.common.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A change in what a segment's customers say, found by the aggregator on event time: the record on {@code voc.alerts},
 * keyed by its id, which is the same on every replay and so serves as the idempotency key of its delivery.
 *
 * @param theme     the theme whose negative mentions rose, or null for the segment's feedback as a whole
 * @param term      for an {@code emerging-term} alert, the candidate term said more than usual; else null
 * @param kind      {@code negative-rate} (more negative mentions than usual), {@code negative-share} (a larger share of
 *                  them negative) or {@code emerging-term}
 * @param at        the event time of the mention that raised it
 * @param statistic the detector's score when it crossed its threshold, in standard deviations above the usual
 * @param usual     the level it was measured against: negative mentions an hour, the negative share, or the term's
 *                  expected recent mentions
 * @param recent    negative mentions (the term's mentions) recently, decayed
 */
public record Alert(int schemaVersion, String id, String segment, String theme, String term, String kind, Instant at,
                    double statistic, double usual, double recent) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
