package io.github.vocstream.aggregator.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a segment's theme table, its timelines (whole segment and per theme, in minute and hour buckets of event
 * time) and its candidate terms, applying what a run of items changed in them ({@link SegmentDelta}), retractions
 * included. Which bucket an item counts in, if any, was decided with the item; a bucket older than its retention by
 * this task's stream time takes no more changes (it is about to be dropped).
 */
final class SegmentTables implements Processor<String, SegmentDelta, Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentTables.class);
    static final Duration EXPIRY_CHECK = Duration.ofDays(1);

    private final AggregatorConfiguration configuration;
    private KeyValueStore<String, ThemeStats> themes;
    private KeyValueStore<String, CandidateStats> candidates;
    private KeyValueStore<String, EmergingIndex> emerging;
    private WindowStore<String, Tally> minutes;
    private WindowStore<String, Tally> hours;
    private ProcessorContext<Void, Void> context;

    SegmentTables(AggregatorConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.themes = context.getStateStore(AggregatorTopology.SEGMENT_THEMES_STORE);
        this.candidates = context.getStateStore(AggregatorTopology.SEGMENT_CANDIDATES_STORE);
        this.emerging = context.getStateStore(AggregatorTopology.SEGMENT_EMERGING_STORE);
        this.minutes = context.getStateStore(AggregatorTopology.TIMELINE_MINUTES_STORE);
        this.hours = context.getStateStore(AggregatorTopology.TIMELINE_HOURS_STORE);
        // Once a day of stream time: often enough for a bound, seldom enough that a replay of a year scans a year's days.
        context.schedule(EXPIRY_CHECK, PunctuationType.STREAM_TIME, this::forgetStaleCandidates);
    }

    /**
     * Forgets the candidate terms unseen for {@code candidateExpiry} that were said fewer than {@code candidateKeep}
     * times: their emerging score is long zero, and without this the store would grow with every noun phrase ever
     * written. Deleting writes a tombstone to the changelog, so the bound holds there too.
     */
    private void forgetStaleCandidates(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(configuration.candidateExpiry());
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, CandidateStats> all = candidates.all()) {
            all.forEachRemaining(entry -> {
                CandidateStats stats = entry.value;
                if (stats.decayedTo() != null && stats.decayedTo().isBefore(cutoff) && stats.mentions() < configuration.candidateKeep()) {
                    stale.add(entry.key);
                }
            });
        }
        stale.forEach(candidates::delete);
        if (!stale.isEmpty()) {
            LOG.debug("Forgot {} candidate terms unseen since {}", stale.size(), cutoff);
        }
    }

    @Override
    public void process(Record<String, SegmentDelta> record) {
        String segment = record.key();
        SegmentDelta delta = record.value();
        applyBuckets(segment, delta.minutes(), minutes, Duration.ofMinutes(1), configuration.minuteRetention());
        applyBuckets(segment, delta.hours(), hours, Duration.ofHours(1), configuration.hourRetention());
        delta.themes().forEach((theme, change) -> {
            String key = StoreKeys.of(segment, theme);
            ThemeStats known = themes.get(key);
            if (known != null || !change.tally().isEmpty()) {
                ThemeStats next = (known == null ? ThemeStats.empty() : known).plus(change, delta.retracted(), configuration.evidencePerTheme());
                themes.put(key, next.tally().isEmpty() ? null : next);
            }
        });
        // The candidate terms as these items leave them (null: gone), for the index, which needs no other term read.
        Map<String, CandidateStats> changed = new HashMap<>();
        Instant asOf = null;
        for (Map.Entry<String, CandidateStats> candidate : delta.candidates().entrySet()) {
            String key = StoreKeys.of(segment, candidate.getKey());
            CandidateStats change = candidate.getValue();
            CandidateStats known = candidates.get(key);
            CandidateStats next = null;
            if (known != null || change.mentions() > 0) {
                CandidateStats sum = (known == null ? CandidateStats.empty() : known).plus(change, delta.retracted(),
                        configuration.emergingRecent(), configuration.emergingBaseline(), configuration.evidencePerTheme());
                next = sum.mentions() <= 0 ? null : sum;
                candidates.put(key, next);
            }
            changed.put(candidate.getKey(), next);
            asOf = asOf == null || change.decayedTo().isAfter(asOf) ? change.decayedTo() : asOf;
        }
        if (asOf != null) {
            index(segment, asOf, changed);
        }
    }

    /**
     * Applies each bucket's change to the bucket of its subject (the segment, or one of its themes), unless the bucket
     * ended a {@code retention} before this task's stream time.
     */
    private void applyBuckets(String segment, Map<String, Map<Long, Tally>> changes, WindowStore<String, Tally> store, Duration size,
                              Duration retention) {
        long oldestKept = context.currentStreamTimeMs() - retention.toMillis();
        changes.forEach((subject, buckets) -> {
            String key = subject.equals(SegmentDelta.WHOLE) ? segment : StoreKeys.of(segment, subject);
            buckets.forEach((start, change) -> {
                if (start + size.toMillis() <= oldestKept) {
                    LOG.debug("A change to {} at {} came after its bucket's retention", key, start);
                    return;
                }
                Tally known = store.fetch(key, start);
                if (known != null || !change.isEmpty()) {
                    Tally next = (known == null ? Tally.EMPTY : known).plus(change);
                    store.put(key, next.isEmpty() ? null : next, start);
                }
            });
        });
    }

    /**
     * Keeps the segment's {@link EmergingIndex}: the latest event time among its terms, and the terms whose recent count
     * is at the minimum with their counts, so that {@code /emerging} ranks a few dozen terms from one record rather
     * than every term the segment has. A retraction rewrites it too: the counts it keeps must be the terms' own.
     */
    private void index(String segment, Instant changedAt, Map<String, CandidateStats> changed) {
        EmergingIndex known = emerging.get(segment);
        Instant asOf = known == null || changedAt.isAfter(known.asOf()) ? changedAt : known.asOf();
        Set<String> terms = new TreeSet<>(known == null ? List.of() : known.terms());
        terms.addAll(changed.keySet());
        Map<String, CandidateStats> counts = new TreeMap<>();
        boolean knownCounts = known != null && known.hasCounts();
        for (String term : terms) {
            // The other terms' counts are the index's own: only these items changed counts, and those are in hand. (An
            // index written before it kept counts is read from the store once.)
            CandidateStats stats = changed.containsKey(term) ? changed.get(term)
                    : knownCounts ? known.counts().get(term)
                    : candidates.get(StoreKeys.of(segment, term));
            if (stats != null && stats.recentAt(asOf, configuration.emergingRecent()) >= configuration.emergingMinimum()) {
                counts.put(term, stats.withoutEvidence());
            }
        }
        EmergingIndex next = new EmergingIndex(asOf, List.copyOf(counts.keySet()), counts);
        if (!next.equals(known)) {
            emerging.put(segment, next);
        }
    }
}
