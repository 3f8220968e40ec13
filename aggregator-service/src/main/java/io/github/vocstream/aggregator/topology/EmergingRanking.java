package io.github.vocstream.aggregator.topology;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The emerging terms among {@code candidates} as of {@code asOf}, strongest first: what {@code /emerging} lists. */
public final class EmergingRanking {

    /** One term and its score. */
    public record Ranked(String term, CandidateStats stats, EmergingScore score) {
    }

    private EmergingRanking() {
    }

    public static List<Ranked> rank(Map<String, CandidateStats> candidates, Instant asOf, AggregatorConfiguration configuration,
                                    int limit) {
        return candidates.entrySet().stream()
                .map(entry -> new Ranked(entry.getKey(), entry.getValue(), EmergingScore.of(entry.getValue(), asOf,
                        configuration.emergingRecent(), configuration.emergingBaseline())))
                .filter(ranked -> ranked.score().recent() >= configuration.emergingMinimum() && ranked.score().score() > 0)
                .sorted(Comparator.comparingDouble((Ranked ranked) -> ranked.score().score()).reversed().thenComparing(Ranked::term))
                .limit(limit)
                .toList();
    }
}
