package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.aggregator.query.EmergingTerms;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The candidate terms of a segment that are said more now than they usually are, strongest first.
 *
 * @param asOf the latest event time among the segment's candidate terms: the "now" of every figure here
 */
@Serdeable
public record EmergingView(String segment, Instant asOf, List<Term> terms) {

    public static EmergingView of(String segment, EmergingTerms.Ranking ranking) {
        return new EmergingView(segment, ranking.asOf(), ranking.terms().stream()
                .map(term -> new Term(term.term(), term.score().score(), term.score().recent(), term.score().expected(),
                        term.stats().mentions(), EvidenceView.of(term.stats().evidence())))
                .toList());
    }

    /**
     * @param recentMentions   mentions over about the recent time constant (decayed count)
     * @param expectedMentions what the baseline rate predicts for that stretch of time
     * @param score            how many standard deviations (Poisson) the recent count sits above the expected one
     */
    @Serdeable
    public record Term(String term, double score, double recentMentions, double expectedMentions, long mentions,
                       List<EvidenceView> evidence) {
    }
}
