package io.github.vocstream.aggregator.api;

import io.github.vocstream.aggregator.api.view.EvidenceView;
import io.github.vocstream.aggregator.api.view.ThemeDetail;
import io.github.vocstream.aggregator.api.view.ThemeSort;
import io.github.vocstream.aggregator.api.view.ThemeView;
import io.github.vocstream.aggregator.query.SegmentQueries;
import io.github.vocstream.aggregator.topology.SegmentSentiment;
import io.github.vocstream.aggregator.topology.ThemeStats;
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
import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code /v1/segments/{segment}/themes}: what a segment's customers talk about, and how they feel about it. */
@Controller("/v1/segments/{segment}/themes")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ThemeController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 500;

    private final SegmentQueries queries;
    private final SegmentRouter router;
    private final KnownThemes themes;
    private final SegmentViews views;

    public ThemeController(SegmentQueries queries, SegmentRouter router, KnownThemes themes, SegmentViews views) {
        this.queries = queries;
        this.router = router;
        this.themes = themes;
        this.views = views;
    }

    /**
     * The segment's themes, each with its mentions by label, share, mean score, impact and scores.
     *
     * @param segment a segment key, dimension:value (plan:pro), or all
     * @param limit   how many themes, 1 to 500 (default 20)
     * @param sort    mentions (default), negative, impact (on mean sentiment), or nps-impact, csat-impact,
     *                stars-impact (on the segment's score; themes without one last)
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> themes(@PathVariable String segment, @Nullable @QueryValue String limit,
                                  @Nullable @QueryValue String sort, HttpRequest<?> request) {
        int count = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        ThemeSort order = sort == null ? ThemeSort.MENTIONS : ThemeSort.parse(sort).orElseThrow(() -> ProblemException.badRequest(
                "sort", "must be one of " + Arrays.stream(ThemeSort.values()).map(ThemeSort::key).collect(Collectors.joining(", "))
                        + ", was '" + sort + "'"));
        return router.answer(segment, request, () -> views.themes(segment, order, count));
    }

    @Get(uri = "/{+theme}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> theme(@PathVariable String segment, @PathVariable String theme, HttpRequest<?> request) {
        themes.require(theme);
        return router.answer(segment, request, () -> queries.counted(segment).map(totals -> {
            ThemeStats stats = queries.theme(segment, theme).orElse(ThemeStats.empty());
            return new ThemeDetail(segment, totals.count(), view(theme, stats, totals), EvidenceView.of(stats.evidence()));
        }));
    }

    private ThemeView view(String theme, ThemeStats stats, SegmentSentiment totals) {
        return ThemeView.of(theme, themes.labelOf(theme), stats, totals);
    }
}
