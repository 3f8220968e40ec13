package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.AggregatorConfiguration;
import io.github.vocstream.aggregator.topology.CandidateStats;
import io.github.vocstream.aggregator.topology.EmergingIndex;
import io.github.vocstream.aggregator.topology.EmergingRanking;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /v1/segments/{segment}/emerging}: noun phrases no theme covers that customers of a segment suddenly say
 * more often. A term's recent count is compared with what its own baseline rate predicts for the same stretch of
 * time; the score is the excess in Poisson standard deviations, {@code (recent - expected) / sqrt(expected + 1)},
 * where the +1 keeps a handful of mentions of a brand-new term from scoring as a sure thing.
 */
@Controller("/v1/segments/{segment}/emerging")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmergingController {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private final SegmentQueries queries;
    private final SegmentRouter router;
    private final SegmentTables tables;
    private final AggregatorConfiguration configuration;

    public EmergingController(SegmentQueries queries, SegmentRouter router, AggregatorConfiguration configuration,
                              SegmentTables tables) {
        this.tables = tables;
        this.queries = queries;
        this.router = router;
        this.configuration = configuration;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> emerging(@PathVariable String segment, @Nullable @QueryValue String limit, HttpRequest<?> request) {
        int count = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        return router.answer(segment, request, () -> {
            tables.requireSegment(segment);
            Optional<EmergingIndex> index = queries.emergingIndex(segment);
            Map<String, CandidateStats> candidates;
            Instant asOf;
            if (index.isPresent()) {
                // The index names every term that can be emerging now: a few dozen reads, not the whole vocabulary.
                candidates = queries.candidates(segment, index.get().terms());
                asOf = index.get().asOf();
            } else {
                // Stores written before the index existed: every term, as then, until the segment's next item.
                candidates = queries.candidates(segment);
                asOf = candidates.values().stream().map(CandidateStats::decayedTo).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null);
            }
            if (asOf == null) {
                return new EmergingView(segment, null, List.of());
            }
            List<EmergingView.Term> terms = EmergingRanking.rank(candidates, asOf, configuration, count).stream()
                    .map(ranked -> new EmergingView.Term(ranked.term(), ranked.score().score(), ranked.score().recent(),
                            ranked.score().expected(), ranked.stats().mentions(), EvidenceView.of(ranked.stats().evidence())))
                    .toList();
            return new EmergingView(segment, asOf, terms);
        });
    }
}
