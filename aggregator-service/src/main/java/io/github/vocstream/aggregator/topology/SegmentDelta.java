package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeSentiment;
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
 * <p>Mutable while it collects, in the first step's pending deltas ({@link PendingDeltas}); Jackson reads and writes
 * its fields ({@code @JsonProperty}).
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

    SegmentDelta() {
    }

    /** A delta as read back from the repartition topic ({@link SegmentDeltaCodec}). */
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
        SegmentDelta delta = new SegmentDelta();
        delta.collect(new ItemChange(update, configuration), configuration);
        return delta;
    }

    /** Adds what an item adds to the segment, or takes back what it added when it is a retraction. */
    void collect(ItemChange change, AggregatorConfiguration configuration) {
        SegmentUpdate update = change.update;
        items++;
        if (!update.retracted() && (lastFeedbackAt == null || update.receivedAt().isAfter(lastFeedbackAt))) {
            lastFeedbackAt = update.receivedAt();
        }
        totals = totals.plus(change.whole);
        if (update.occurredAt() == null) {
            // Written by a version without themes, still in the repartition topic after an upgrade: totals only.
            return;
        }
        time = Math.max(time, update.occurredAt().toEpochMilli());
        collectSubject(WHOLE, change.whole, update.label(), change);
        for (int i = 0; i < update.themes().size(); i++) {
            ThemeSentiment verdict = update.themes().get(i);
            ThemeStats known = themes.getOrDefault(verdict.theme(), ThemeStats.empty());
            themes.put(verdict.theme(), update.retracted()
                    ? known.remove(verdict, update.rating(), update.language(), update.feedbackId())
                    : known.add(verdict, update.rating(), update.language(), update.occurredAt(),
                            update.evidence().get(verdict.theme()), configuration.evidencePerTheme()));
            collectSubject(verdict.theme(), change.themes.get(i), verdict.label(), change);
        }
        update.candidates().forEach((term, shown) -> {
            CandidateStats known = candidates.getOrDefault(term, CandidateStats.empty());
            candidates.put(term, update.retracted()
                    ? known.remove(update.occurredAt(), update.feedbackId(), configuration.emergingRecent(), configuration.emergingBaseline())
                    : known.add(update.occurredAt(), shown, configuration.emergingRecent(), configuration.emergingBaseline(),
                            configuration.evidencePerTheme()));
        });
        if (update.retracted()) {
            retracted.add(update.feedbackId());
        } else if (change.observed) {
            termsSaid.addAll(update.candidates().keySet());
        }
    }

    private void collectSubject(String subject, Tally tally, SentimentLabel label, ItemChange change) {
        if (change.minute != null) {
            minutes.computeIfAbsent(subject, any -> new HashMap<>()).merge(change.minute, tally, Tally::plus);
        }
        if (change.hour != null) {
            hours.computeIfAbsent(subject, any -> new HashMap<>()).merge(change.hour, tally, Tally::plus);
        }
        if (change.observed) {
            mentions.computeIfAbsent(subject, any -> new Mentions()).add(change.update.occurredAt().toEpochMilli(),
                    label == SentimentLabel.NEGATIVE);
        }
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
