package io.github.vocstream.aggregator.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.vocstream.aggregator.api.view.EmergingView;
import io.github.vocstream.aggregator.query.EmergingTerms;
import io.github.vocstream.aggregator.query.Lookup;
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

/**
 * {@code /v1/segments/{segment}/emerging}: noun phrases no theme covers that customers of a segment suddenly say
 * more often, ranked by {@link EmergingTerms}.
 */
@Controller("/v1/segments/{segment}/emerging")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmergingController {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private final EmergingTerms terms;
    private final SegmentRouter router;
    private final JsonMapper json;
    /**
     * Answers worked out here in the last {@code voc.query.emerging-cache} (1 s), by segment and limit, as the JSON
     * sent: however many dashboards poll a segment, its list is worked out and written about once a second. Scores
     * move on a time constant of an hour, so an answer a second old is as good as a new one.
     */
    private final Cache<String, Lookup<byte[]>> answers;

    public EmergingController(EmergingTerms terms, SegmentRouter router, JsonMapper json,
                              @Value("${voc.query.emerging-cache:1s}") Duration cacheFor) {
        this.terms = terms;
        this.router = router;
        this.json = json;
        this.answers = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(10_000).build();
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> emerging(@PathVariable String segment, @Nullable @QueryValue String limit, HttpRequest<?> request) {
        int count = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        String key = segment + "\n" + count;
        return router.answer(segment, request, () -> {
            Lookup<byte[]> answer = answers.get(key, ignored -> terms.of(segment, count)
                    .map(ranking -> written(EmergingView.of(segment, ranking))));
            if (!(answer instanceof Lookup.Found)) {
                // A segment not counted now may be a moment later: only answers are kept.
                answers.invalidate(key);
            }
            return answer;
        });
    }

    private byte[] written(EmergingView view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
