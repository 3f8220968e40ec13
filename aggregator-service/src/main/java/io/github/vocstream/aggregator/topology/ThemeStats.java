package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.Rating;
import io.github.vocstream.common.event.ThemeSentiment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One theme in one segment: how many pieces of feedback mention it and how they feel about it, and the latest
 * sentences that show it, newest (by event time) first.
 */
public record ThemeStats(Tally tally, Instant lastMentionAt, List<Evidence> evidence) {

    private static final Comparator<Evidence> NEWEST_FIRST =
            Comparator.comparing(Evidence::occurredAt).reversed().thenComparing(Evidence::feedbackId);

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
        List<Evidence> kept = new ArrayList<>(evidence);
        if (shown != null) {
            kept.add(shown);
            kept.sort(NEWEST_FIRST);
        }
        Instant latest = lastMentionAt == null || occurredAt.isAfter(lastMentionAt) ? occurredAt : lastMentionAt;
        return new ThemeStats(tally.add(verdict.label(), verdict.score(), rating, language), latest,
                kept.subList(0, Math.min(maxEvidence, kept.size())));
    }

    /**
     * Takes back a verdict that {@link #add} counted, and that feedback's sentence. Sentences that made way for it
     * are not kept, so the list is shorter until newer ones arrive; the latest mention time stays.
     */
    public ThemeStats remove(ThemeSentiment verdict, Rating rating, String language, String feedbackId) {
        return new ThemeStats(tally.remove(verdict.label(), verdict.score(), rating, language), lastMentionAt,
                Evidence.without(evidence, feedbackId));
    }
}
