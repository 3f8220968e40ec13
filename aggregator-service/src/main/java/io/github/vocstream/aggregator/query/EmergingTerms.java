package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.AggregatorConfiguration;
import io.github.vocstream.aggregator.topology.CandidateStats;
import io.github.vocstream.aggregator.topology.EmergingIndex;
import io.github.vocstream.aggregator.topology.EmergingRanking;
import io.github.vocstream.aggregator.topology.EmergingScore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A segment's emerging terms, strongest first, from this instance's stores: noun phrases no theme covers whose recent
 * mentions exceed what their own baseline predicts ({@link EmergingScore}). Runs inside
 * {@link SegmentQueries#inSegment}.
 */
@Singleton
public class EmergingTerms {

    /** The terms as of the segment's latest item ({@code asOf} null when it has no candidate terms). */
    public record Ranking(Instant asOf, List<Term> terms) {
    }

    /** One term: its score, its counts, and its stats with the sentences it was said in. */
    public record Term(String term, EmergingScore score, CandidateStats stats) {
    }

    private final SegmentQueries queries;
    private final AggregatorConfiguration configuration;

    public EmergingTerms(SegmentQueries queries, AggregatorConfiguration configuration) {
        this.queries = queries;
        this.configuration = configuration;
    }

    /** The first {@code limit} emerging terms of {@code segment}, or missing when nothing has been counted in it. */
    public Lookup<Ranking> of(String segment, int limit) {
        if (queries.sentiment(segment).isEmpty()) {
            return SegmentQueries.notCounted(segment);
        }
        Optional<EmergingIndex> index = queries.emergingIndex(segment);
        Map<String, CandidateStats> candidates;
        Instant asOf;
        if (index.isPresent()) {
            // The index names every term that can be emerging now, with its counts: one read, not the whole vocabulary.
            candidates = index.get().hasCounts() ? index.get().counts() : queries.candidates(segment, index.get().terms());
            asOf = index.get().asOf();
        } else {
            // Stores written before the index existed: every term, as then, until the segment's next item.
            candidates = queries.candidates(segment);
            asOf = candidates.values().stream().map(CandidateStats::decayedTo).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
        }
        if (asOf == null) {
            return Lookup.found(new Ranking(null, List.of()));
        }
        List<EmergingRanking.Ranked> ranked = EmergingRanking.rank(candidates, asOf, configuration, limit);
        // The sentences of the terms listed, and only of them (counts read from the index carry none).
        boolean countsOnly = index.isPresent() && index.get().hasCounts();
        Map<String, CandidateStats> shown = countsOnly
                ? queries.candidates(segment, ranked.stream().map(EmergingRanking.Ranked::term).toList()) : candidates;
        return Lookup.found(new Ranking(asOf, ranked.stream()
                .map(term -> new Term(term.term(), term.score(), shown.getOrDefault(term.term(), term.stats())))
                .toList()));
    }
}
