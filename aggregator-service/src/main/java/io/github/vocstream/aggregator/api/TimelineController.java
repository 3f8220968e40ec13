package io.github.vocstream.aggregator.api;

import io.github.vocstream.aggregator.api.view.TimelineView;
import io.github.vocstream.aggregator.query.SegmentQueries;
import io.github.vocstream.aggregator.topology.AggregatorTopology;
import io.github.vocstream.aggregator.topology.StoreKeys;
import io.github.vocstream.http.problem.ProblemException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code /v1/segments/{segment}/timeline}: counts and mean score per minute or hour of event time, for the whole
 * segment or, with {@code theme=}, for one of its themes. Without {@code from} and {@code to} it covers the last
 * hour of minutes or the last day of hours.
 */
@Controller("/v1/segments/{segment}/timeline")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TimelineController {

    private final SegmentQueries queries;
    private final SegmentRouter router;
    private final KnownThemes themes;

    public TimelineController(SegmentQueries queries, SegmentRouter router, KnownThemes themes) {
        this.queries = queries;
        this.router = router;
        this.themes = themes;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> timeline(@PathVariable String segment, @Nullable @QueryValue String bucket,
                                    @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                    @Nullable @QueryValue String theme, HttpRequest<?> request) {
        String size = bucket == null ? "hour" : bucket;
        if (!size.equals("minute") && !size.equals("hour")) {
            throw ProblemException.badRequest("bucket", "must be 'minute' or 'hour', was '" + bucket + "'");
        }
        boolean minutes = size.equals("minute");
        Instant end = QueryParameters.instant("to", to, Instant.now());
        Instant start = QueryParameters.instant("from", from, end.minus(minutes ? Duration.ofHours(1) : Duration.ofDays(1)));
        if (start.isAfter(end)) {
            throw ProblemException.badRequest("from", "must not be after 'to' (" + end + "), was '" + start + "'");
        }
        if (theme != null) {
            themes.require(theme);
        }
        String store = minutes ? AggregatorTopology.TIMELINE_MINUTES_STORE : AggregatorTopology.TIMELINE_HOURS_STORE;
        return router.answer(segment, request, () -> queries.counted(segment).map(totals -> {
            String key = theme == null ? segment : StoreKeys.of(segment, theme);
            List<TimelineView.BucketView> buckets = queries.timeline(store, segment, key, start, end).entrySet().stream()
                    .map(entry -> TimelineView.BucketView.of(entry.getKey(), entry.getValue()))
                    .toList();
            return new TimelineView(segment, theme, size, start, end, buckets);
        }));
    }
}
