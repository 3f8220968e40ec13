package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a run of items adds to one segment and takes back from it (retractions), added up: the first step collects
 * one per segment between two commits and sends it as one record, so that the segment's task
 * applies a run of items at once instead of item by item ({@link CountOnce}). Counts, theme rows and timeline buckets
 * add up in any order; the sentences keep the newest of both sides, and the ids of retracted feedback say whose
 * sentences leave the rows. The alerts' detectors see every item on its own, so their mentions are kept in order.
 *
 * <p>Subjects are the segment as a whole ({@link #WHOLE}) and its themes. Whether an item counts in its timeline
 * bucket at all (it reached ingest before the bucket closed plus the grace period) depends on the item alone, and is
 * decided with it ({@link ItemChange}); whether the bucket is still kept is decided where it is applied.
 *
 * <p>The first step's pending deltas add it up in a {@link SegmentDeltaCollector}. Jackson reads and writes its fields
 * ({@code @JsonProperty}), as the version before kept it in a store.
 */
public final class SegmentDelta {

    /** The subject key of the segment as a whole; a theme's subject is its id. */
    public static final String WHOLE = "";

    @JsonProperty
    private int items;
    /** The latest event time among the items: the record's timestamp, so that stream time follows event time. */
    @JsonProperty
    private long time;
    @JsonProperty
    private Tally totals = Tally.EMPTY;
    @JsonProperty
    private Instant lastFeedbackAt;
    @JsonProperty
    private Map<String, ThemeStats> themes = new HashMap<>();
    @JsonProperty
    private Map<String, CandidateStats> candidates = new HashMap<>();
    /** By subject, the minute buckets' changes by bucket start (epoch milliseconds). */
    @JsonProperty
    private Map<String, Map<Long, Tally>> minutes = new HashMap<>();
    @JsonProperty
    private Map<String, Map<Long, Tally>> hours = new HashMap<>();
    @JsonProperty
    private Set<String> retracted = new HashSet<>();
    @JsonProperty
    private Map<String, Mentions> mentions = new HashMap<>();
    @JsonProperty
    private Set<String> termsSaid = new HashSet<>();

    /** For Jackson. */
    SegmentDelta() {
    }

    /** A delta as collected, or as read back from the repartition topic ({@link SegmentDeltaCodec}). */
    SegmentDelta(int items, long time, Tally totals, Instant lastFeedbackAt, Map<String, ThemeStats> themes,
                 Map<String, CandidateStats> candidates, Map<String, Map<Long, Tally>> minutes, Map<String, Map<Long, Tally>> hours,
                 Set<String> retracted, Map<String, Mentions> mentions, Set<String> termsSaid) {
        this.items = items;
        this.time = time;
        this.totals = totals;
        this.lastFeedbackAt = lastFeedbackAt;
        this.themes = themes;
        this.candidates = candidates;
        this.minutes = minutes;
        this.hours = hours;
        this.retracted = retracted;
        this.mentions = mentions;
        this.termsSaid = termsSaid;
    }

    /** What {@code update} alone changes: how an update written before deltas were sent is read. */
    static SegmentDelta of(SegmentUpdate update, AggregatorConfiguration configuration) {
        return new SegmentDeltaCollector(configuration).collect(new ItemChange(update, configuration)).toDelta();
    }

    /** How many items (and retractions) it adds up. */
    public int items() {
        return items;
    }

    /** The latest event time among its items, in epoch milliseconds; 0 when none had one. */
    public long time() {
        return time;
    }

    /** What it changes in the segment's counts. */
    public Tally totals() {
        return totals;
    }

    /** When the latest item it adds reached ingest; null when it adds none. */
    public Instant lastFeedbackAt() {
        return lastFeedbackAt;
    }

    /** By theme: the change to its counts, its latest mention and the newest sentences it brings. */
    public Map<String, ThemeStats> themes() {
        return Collections.unmodifiableMap(themes);
    }

    /** By candidate term: the change to its counts and the newest sentences it brings. */
    public Map<String, CandidateStats> candidates() {
        return Collections.unmodifiableMap(candidates);
    }

    /** By subject and minute bucket start: the change to the bucket. */
    public Map<String, Map<Long, Tally>> minutes() {
        return Collections.unmodifiableMap(minutes);
    }

    /** By subject and hour bucket start: the change to the bucket. */
    public Map<String, Map<Long, Tally>> hours() {
        return Collections.unmodifiableMap(hours);
    }

    /** The retracted feedback, whose sentences leave the rows. */
    public Set<String> retracted() {
        return Collections.unmodifiableSet(retracted);
    }

    /** By subject, the scored items' mentions in the order they came. */
    public Map<String, Mentions> mentions() {
        return Collections.unmodifiableMap(mentions);
    }

    /** The candidate terms that scored items said (not only retracted). */
    public Set<String> termsSaid() {
        return Collections.unmodifiableSet(termsSaid);
    }
}
