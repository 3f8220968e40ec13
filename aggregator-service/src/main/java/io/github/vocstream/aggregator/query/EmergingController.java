package io.github.vocstream.aggregator.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.vocstream.aggregator.topology.AggregatorConfiguration;
import io.github.vocstream.aggregator.topology.CandidateStats;
import io.github.vocstream.aggregator.topology.EmergingIndex;
import io.github.vocstream.aggregator.topology.EmergingRanking;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
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
    private final JsonMapper json;
    /**
     * Answers worked out here in the last {@code voc.query.emerging-cache} (1 s), by segment and limit, as the JSON
     * sent: however many dashboards poll a segment, its list is worked out and written about once a second. Scores
     * move on a time constant of an hour, so an answer a second old is as good as a new one.
     */
    private final Cache<String, byte[]> answers;

    public EmergingController(SegmentQueries queries, SegmentRouter router, AggregatorConfiguration configuration,
                              SegmentTables tables, JsonMapper json, @Value("${voc.query.emerging-cache:1s}") Duration cacheFor) {
        this.tables = tables;
        this.queries = queries;
        this.router = router;
        this.configuration = configuration;
        this.json = json;
        this.answers = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(10_000).build();
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> emerging(@PathVariable String segment, @Nullable @QueryValue String limit, HttpRequest<?> request) {
        int count = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        return router.answer(segment, request, () -> answers.get(segment + "\n" + count, key -> written(compute(segment, count))));
    }

    private byte[] written(EmergingView view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EmergingView compute(String segment, int count) {
        tables.requireSegment(segment);
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
            return new EmergingView(segment, null, List.of());
        }
        List<EmergingRanking.Ranked> ranked = EmergingRanking.rank(candidates, asOf, configuration, count);
        // The sentences of the terms listed, and only of them (counts read from the store have theirs already).
        boolean countsOnly = index.isPresent() && index.get().hasCounts();
        Map<String, CandidateStats> shown = countsOnly
                ? queries.candidates(segment, ranked.stream().map(EmergingRanking.Ranked::term).toList()) : candidates;
        List<EmergingView.Term> terms = ranked.stream()
                .map(term -> new EmergingView.Term(term.term(), term.score().score(), term.score().recent(),
                        term.score().expected(), term.stats().mentions(),
                        EvidenceView.of(shown.getOrDefault(term.term(), term.stats()).evidence())))
                .toList();
        return new EmergingView(segment, asOf, terms);
    }
}
