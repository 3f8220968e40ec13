package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.SentimentLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A sentence behind a number: which feedback it is from, when that was written, how it reads, and where in it the
 * words are that made it evidence (a theme's; none for a candidate term, or in what was stored before they were kept).
 */
public record Evidence(String feedbackId, Instant occurredAt, String sentence, SentimentLabel label, double score,
                       List<Highlight> highlights) {

    public Evidence {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    public Evidence(String feedbackId, Instant occurredAt, String sentence, SentimentLabel label, double score) {
        this(feedbackId, occurredAt, sentence, label, score, List.of());
    }

    /** This evidence without its sentence (null), as a retraction carries it. */
    Evidence withoutSentence() {
        return new Evidence(feedbackId, occurredAt, null, label, score);
    }

    /** Newest (by event time) first, then by feedback id; written out, as it runs for every sentence of every item. */
    private static final Comparator<Evidence> NEWEST_FIRST = Evidence::newestFirst;

    private static int newestFirst(Evidence one, Evidence other) {
        int byTime = other.occurredAt().compareTo(one.occurredAt());
        return byTime != 0 ? byTime : one.feedbackId().compareTo(other.feedbackId());
    }

    /**
     * The newest {@code max} of {@code kept} without the sentences of the feedback in {@code leaving}, and {@code added};
     * newest (by event time) first.
     */
    static List<Evidence> newest(List<Evidence> kept, Set<String> leaving, List<Evidence> added, int max) {
        if (leaving.isEmpty() && added.size() <= 1) {
            return added.isEmpty() ? kept : inserted(kept, added.get(0), max);
        }
        List<Evidence> all = new ArrayList<>(kept.size() + added.size());
        for (Evidence shown : kept) {
            if (!leaving.contains(shown.feedbackId())) {
                all.add(shown);
            }
        }
        all.addAll(added);
        all.sort(NEWEST_FIRST);
        return all.subList(0, Math.min(max, all.size()));
    }

    /**
     * {@code kept} (newest first) with {@code shown} in its place, cut to {@code max}: what an item adds, without
     * sorting, into one array that becomes the (unmodifiable) list the rows keep as it is.
     */
    private static List<Evidence> inserted(List<Evidence> kept, Evidence shown, int max) {
        int at = placeOf(kept, shown);
        if (at >= max) {
            return kept;
        }
        Evidence[] next = new Evidence[Math.min(kept.size() + 1, max)];
        for (int i = 0; i < next.length; i++) {
            next[i] = i < at ? kept.get(i) : i == at ? shown : kept.get(i - 1);
        }
        return List.of(next);
    }

    /** Puts {@code shown} in its place in {@code newestFirst}, which keeps at most {@code max}: a list being added up. */
    static void insertInto(List<Evidence> newestFirst, Evidence shown, int max) {
        int at = placeOf(newestFirst, shown);
        if (at < max) {
            newestFirst.add(at, shown);
            if (newestFirst.size() > max) {
                newestFirst.remove(newestFirst.size() - 1);
            }
        }
    }

    /** Where {@code shown} goes in {@code kept} (newest first): after every sentence as new as it or newer. */
    private static int placeOf(List<Evidence> kept, Evidence shown) {
        int at = 0;
        while (at < kept.size() && NEWEST_FIRST.compare(kept.get(at), shown) <= 0) {
            at++;
        }
        return at;
    }

    /** Takes the sentences of one piece of feedback out of {@code evidence}, a list being added up. */
    static void removeFrom(List<Evidence> evidence, String feedbackId) {
        evidence.removeIf(shown -> shown.feedbackId().equals(feedbackId));
    }
}
