package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.Rating;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeSentiment;
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
 * time) and its candidate terms, and takes a retracted item back out of each. A bucket takes an item that reached
 * ingest before the bucket closed plus the grace period; a later one still counts in the totals and theme tables,
 * which have no time. The rule depends on the item alone, so a retraction finds the buckets its item went to, and a
 * recount gives the same timelines.
 */
final class SegmentTables implements Processor<String, SegmentUpdate, Void, Void> {

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
    public void process(Record<String, SegmentUpdate> record) {
        String segment = record.key();
        SegmentUpdate update = record.value();
        if (update.occurredAt() == null) {
            // Written by a version without themes, still in the repartition topic after an upgrade: totals only.
            return;
        }
        Bucketing minute = new Bucketing(minutes, Duration.ofMinutes(1), configuration.minuteRetention(), update);
        Bucketing hour = new Bucketing(hours, Duration.ofHours(1), configuration.hourRetention(), update);
        if (!update.retracted() && (!minute.counts() || !hour.counts())) {
            LOG.debug("{} in {} is too late for its timeline bucket", update.feedbackId(), segment);
        }
        minute.apply(segment, update.label(), update.score(), update.rating());
        hour.apply(segment, update.label(), update.score(), update.rating());

        for (ThemeSentiment verdict : update.themes()) {
            String key = StoreKeys.of(segment, verdict.theme());
            ThemeStats known = themes.get(key);
            if (update.retracted()) {
                if (known != null) {
                    ThemeStats left = known.remove(verdict, update.rating(), update.language(), update.feedbackId());
                    themes.put(key, left.tally().isEmpty() ? null : left);
                }
            } else {
                themes.put(key, (known == null ? ThemeStats.empty() : known).add(verdict, update.rating(), update.language(), update.occurredAt(),
                        update.evidence().get(verdict.theme()), configuration.evidencePerTheme()));
            }
            minute.apply(key, verdict.label(), verdict.score(), update.rating());
            hour.apply(key, verdict.label(), verdict.score(), update.rating());
        }
        // The candidate terms as this item leaves them (null: gone), for the index, which needs no other term read.
        Map<String, CandidateStats> changed = new HashMap<>();
        for (Map.Entry<String, Evidence> candidate : update.candidates().entrySet()) {
            String key = StoreKeys.of(segment, candidate.getKey());
            CandidateStats known = candidates.get(key);
            CandidateStats next = known;
            if (update.retracted()) {
                if (known != null) {
                    CandidateStats left = known.remove(update.occurredAt(), update.feedbackId(),
                            configuration.emergingRecent(), configuration.emergingBaseline());
                    next = left.mentions() <= 0 ? null : left;
                    candidates.put(key, next);
                }
            } else {
                next = (known == null ? CandidateStats.empty() : known).add(update.occurredAt(), candidate.getValue(),
                        configuration.emergingRecent(), configuration.emergingBaseline(), configuration.evidencePerTheme());
                candidates.put(key, next);
            }
            changed.put(candidate.getKey(), next);
        }
        if (!update.candidates().isEmpty()) {
            index(segment, update, changed);
        }
    }

    /**
     * Keeps the segment's {@link EmergingIndex}: the latest event time among its terms, and the terms whose recent count
     * is at the minimum with their counts, so that {@code /emerging} ranks a few dozen terms from one record rather
     * than every term the segment has. A retraction rewrites it too: the counts it keeps must be the terms' own.
     */
    private void index(String segment, SegmentUpdate update, Map<String, CandidateStats> changed) {
        EmergingIndex known = emerging.get(segment);
        Instant asOf = known == null || update.occurredAt().isAfter(known.asOf()) ? update.occurredAt() : known.asOf();
        Set<String> terms = new TreeSet<>(known == null ? List.of() : known.terms());
        terms.addAll(update.candidates().keySet());
        Map<String, CandidateStats> counts = new TreeMap<>();
        boolean knownCounts = known != null && known.hasCounts();
        for (String term : terms) {
            // The other terms' counts are the index's own: only this item changed counts, and those are in hand. (An
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

    /** One bucket size: where an item falls, and whether that bucket counts it. */
    private final class Bucketing {

        private final WindowStore<String, Tally> store;
        private final long start;
        private final boolean counts;
        private final boolean retracted;
        private final String language;

        Bucketing(WindowStore<String, Tally> store, Duration size, Duration retention, SegmentUpdate update) {
            this.store = store;
            long eventTime = update.occurredAt().toEpochMilli();
            this.start = eventTime - Math.floorMod(eventTime, size.toMillis());
            long end = start + size.toMillis();
            this.counts = end + configuration.grace().toMillis() > update.receivedAt().toEpochMilli()
                    && end > context.currentStreamTimeMs() - retention.toMillis();
            this.retracted = update.retracted();
            this.language = update.language();
        }

        boolean counts() {
            return counts;
        }

        /** Adds the item's verdict and rating to the bucket of {@code key}, or takes them back for a retraction. */
        void apply(String key, SentimentLabel label, double score, Rating rating) {
            if (!counts) {
                return;
            }
            Tally known = store.fetch(key, start);
            if (!retracted) {
                store.put(key, (known == null ? Tally.EMPTY : known).add(label, score, rating, language), start);
            } else if (known != null) {
                Tally left = known.remove(label, score, rating, language);
                store.put(key, left.isEmpty() ? null : left, start);
            }
        }
    }
}
