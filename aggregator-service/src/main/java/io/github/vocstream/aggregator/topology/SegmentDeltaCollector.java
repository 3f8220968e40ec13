package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeSentiment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds up what a run of items changes in one segment, in place, and hands the sum over as a {@link SegmentDelta} when
 * it is sent. Every item adds to several segments, each with the segment as a whole and its themes as subjects, so
 * this is the first step's inner loop: per subject one map look-up, and counts, sentences and buckets changed where
 * they are kept rather than copied into new records per item.
 */
final class SegmentDeltaCollector {

    private final AggregatorConfiguration configuration;
    private int items;
    private long time;
    private Instant lastFeedbackAt;
    private final TallySum totals = new TallySum();
    private final SubjectSum whole = new SubjectSum(false);
    private final Map<String, SubjectSum> themes = new HashMap<>();
    private final Map<String, CandidateSum> candidates = new HashMap<>();
    private final Set<String> retracted = new HashSet<>();
    private final Set<String> termsSaid = new HashSet<>();

    SegmentDeltaCollector(AggregatorConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Adds what an item adds to the segment, or takes back what it added when it is a retraction. */
    SegmentDeltaCollector collect(ItemChange change) {
        SegmentUpdate update = change.update;
        items++;
        if (!update.retracted() && (lastFeedbackAt == null || update.receivedAt().isAfter(lastFeedbackAt))) {
            lastFeedbackAt = update.receivedAt();
        }
        totals.add(change.whole);
        if (update.occurredAt() == null) {
            // Written by a version without themes, still in the repartition topic after an upgrade: totals only.
            return this;
        }
        time = Math.max(time, update.occurredAt().toEpochMilli());
        whole.add(change.whole, update.label(), change);
        for (int i = 0; i < update.themes().size(); i++) {
            ThemeSentiment verdict = update.themes().get(i);
            SubjectSum theme = themes.computeIfAbsent(verdict.theme(), any -> new SubjectSum(true));
            theme.add(change.themes.get(i), verdict.label(), change);
            theme.mentioned(update, update.evidence().get(verdict.theme()), configuration.evidencePerTheme());
        }
        update.candidates().forEach((term, shown) -> candidates.computeIfAbsent(term, any -> new CandidateSum())
                .add(update, shown, configuration));
        if (update.retracted()) {
            retracted.add(update.feedbackId());
        } else if (change.observed) {
            termsSaid.addAll(update.candidates().keySet());
        }
        return this;
    }

    /** How many items (and retractions) it adds up. */
    int items() {
        return items;
    }

    /** The sum as the delta that is sent. */
    SegmentDelta toDelta() {
        Map<String, ThemeStats> themeStats = new HashMap<>();
        Map<String, Map<Long, Tally>> minutes = new HashMap<>();
        Map<String, Map<Long, Tally>> hours = new HashMap<>();
        Map<String, Mentions> mentions = new HashMap<>();
        whole.addTo(SegmentDelta.WHOLE, themeStats, minutes, hours, mentions);
        themes.forEach((theme, sum) -> sum.addTo(theme, themeStats, minutes, hours, mentions));
        Map<String, CandidateStats> candidateStats = new HashMap<>();
        candidates.forEach((term, sum) -> candidateStats.put(term, sum.toStats()));
        return new SegmentDelta(items, time, totals.toTally(), lastFeedbackAt, themeStats, candidateStats, minutes, hours,
                retracted, mentions, termsSaid);
    }

    /** One subject: its timeline buckets and mentions, and for a theme its row (counts, latest mention, sentences). */
    private static final class SubjectSum {

        private final TallySum themeTally;
        private Instant lastMentionAt;
        private final List<Evidence> evidence = new ArrayList<>();
        private final BucketSums minutes = new BucketSums();
        private final BucketSums hours = new BucketSums();
        private Mentions mentions;

        SubjectSum(boolean theme) {
            this.themeTally = theme ? new TallySum() : null;
        }

        /** What the item changes in the subject's buckets and mentions ({@code tally}: the item's counts here). */
        void add(Tally tally, SentimentLabel label, ItemChange change) {
            if (change.minute != null) {
                minutes.add(change.minute, tally);
            }
            if (change.hour != null) {
                hours.add(change.hour, tally);
            }
            if (change.observed) {
                if (mentions == null) {
                    mentions = new Mentions();
                }
                mentions.add(change.update.occurredAt().toEpochMilli(), label == SentimentLabel.NEGATIVE);
            }
            if (themeTally != null) {
                themeTally.add(tally);
            }
        }

        /** A theme's latest mention and sentences: the item's sentence joins them, or its retraction takes it out. */
        void mentioned(SegmentUpdate update, Evidence shown, int maxEvidence) {
            if (update.retracted()) {
                Evidence.removeFrom(evidence, update.feedbackId());
                return;
            }
            if (lastMentionAt == null || update.occurredAt().isAfter(lastMentionAt)) {
                lastMentionAt = update.occurredAt();
            }
            if (shown != null) {
                Evidence.insertInto(evidence, shown, maxEvidence);
            }
        }

        void addTo(String subject, Map<String, ThemeStats> themes, Map<String, Map<Long, Tally>> minuteBuckets,
                   Map<String, Map<Long, Tally>> hourBuckets, Map<String, Mentions> subjectMentions) {
            if (themeTally != null) {
                themes.put(subject, new ThemeStats(themeTally.toTally(), lastMentionAt, evidence));
            }
            minutes.addTo(subject, minuteBuckets);
            hours.addTo(subject, hourBuckets);
            if (mentions != null) {
                subjectMentions.put(subject, mentions);
            }
        }
    }

    /**
     * A subject's buckets of one size by start. The items of a run mostly fall in the bucket of the one before, and most
     * subjects of a segment see a few items per delta, all in one bucket: a map only once a second bucket comes, and
     * the item's boxed start as the key, not a new one.
     */
    private static final class BucketSums {

        private Long firstStart;
        private TallySum first;
        private Map<Long, TallySum> others;
        private Long lastStart;
        private TallySum last;

        void add(Long start, Tally tally) {
            if (last == null || !start.equals(lastStart)) {
                last = sumOf(start);
                lastStart = start;
            }
            last.add(tally);
        }

        private TallySum sumOf(Long start) {
            if (first == null) {
                firstStart = start;
                first = new TallySum();
                return first;
            }
            if (start.equals(firstStart)) {
                return first;
            }
            if (others == null) {
                others = new HashMap<>();
            }
            return others.computeIfAbsent(start, any -> new TallySum());
        }

        void addTo(String subject, Map<String, Map<Long, Tally>> buckets) {
            if (first == null) {
                return;
            }
            Map<Long, Tally> sums = new HashMap<>();
            sums.put(firstStart, first.toTally());
            if (others != null) {
                others.forEach((start, sum) -> sums.put(start, sum.toTally()));
            }
            buckets.put(subject, sums);
        }
    }

    /** A candidate term: its decaying counts, and its newest sentences kept apart so that a mention does not copy them. */
    private static final class CandidateSum {

        private CandidateStats counts = CandidateStats.empty();
        private final List<Evidence> evidence = new ArrayList<>();

        void add(SegmentUpdate update, Evidence shown, AggregatorConfiguration configuration) {
            int sign = update.retracted() ? -1 : 1;
            counts = counts.mentioned(update.occurredAt(), sign, configuration.emergingRecent(), configuration.emergingBaseline(), List.of());
            if (update.retracted()) {
                Evidence.removeFrom(evidence, update.feedbackId());
            } else {
                Evidence.insertInto(evidence, shown, configuration.evidencePerTheme());
            }
        }

        CandidateStats toStats() {
            return new CandidateStats(counts.mentions(), counts.recent(), counts.baseline(), counts.decayedTo(), evidence);
        }
    }
}
