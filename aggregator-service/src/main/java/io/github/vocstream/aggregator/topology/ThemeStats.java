package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.Rating;
import io.github.vocstream.common.event.ThemeSentiment;
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
     * Adds one piece of feedback's verdict on the theme (without a label when it was not scored; {@code language} says
     * which language it was in) and its rating (null for none), keeping at most {@code maxEvidence} sentences.
     */
    public ThemeStats add(ThemeSentiment verdict, Rating rating, String language, Instant occurredAt, Evidence shown,
                          int maxEvidence) {
        return new ThemeStats(tally.add(verdict.label(), verdict.score(), rating, language), later(lastMentionAt, occurredAt),
                Evidence.newest(evidence, Set.of(), shown == null ? List.of() : List.of(shown), maxEvidence));
    }

    /** Takes back a verdict that {@link #add} counted, and that feedback's sentence; the latest mention time stays. */
    public ThemeStats remove(ThemeSentiment verdict, Rating rating, String language, String feedbackId) {
        return new ThemeStats(tally.remove(verdict.label(), verdict.score(), rating, language), lastMentionAt,
                Evidence.without(evidence, feedbackId));
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
