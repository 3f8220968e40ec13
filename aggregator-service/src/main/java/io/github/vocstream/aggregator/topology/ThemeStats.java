package io.github.vocstream.aggregator.topology;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One theme in one segment: how many pieces of feedback mention it and how they feel about it, and the latest
 * sentences that show it, newest (by event time) first. In a {@link SegmentDelta} it is what a run of items changes:
 * counts that may be negative, and the sentences they bring.
 */
public record ThemeStats(Tally tally, Instant lastMentionAt, List<Evidence> evidence) {

    public ThemeStats {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static ThemeStats empty() {
        return new ThemeStats(Tally.EMPTY, null, List.of());
    }

    /**
     * This row with what a run of items changed ({@code change}) applied, and the sentences of the retracted feedback in
     * {@code retracted} gone. Sentences that made way for newer ones are not kept, so a retraction leaves the list
     * shorter until newer ones arrive.
     */
    public ThemeStats plus(ThemeStats change, Set<String> retracted, int maxEvidence) {
        return new ThemeStats(tally.plus(change.tally), later(lastMentionAt, change.lastMentionAt),
                Evidence.newest(evidence, retracted, change.evidence, maxEvidence));
    }

    private static Instant later(Instant known, Instant other) {
        return known == null || other != null && other.isAfter(known) ? other : known;
    }
}
