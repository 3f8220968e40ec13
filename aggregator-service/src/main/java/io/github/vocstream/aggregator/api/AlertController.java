package io.github.vocstream.aggregator.api;

import io.github.vocstream.aggregator.api.view.AlertList;
import io.github.vocstream.aggregator.query.SegmentQueries;
import io.github.vocstream.common.event.Alert;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /v1/alerts}: the alerts raised so far, newest first, narrowed by {@code segment}, {@code theme} (or
 * {@code theme=none} for a segment's feedback as a whole) and {@code since}. Every instance holds them all.
 */
@Controller("/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final SegmentQueries queries;

    public AlertController(SegmentQueries queries) {
        this.queries = queries;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public AlertList alerts(@Nullable @QueryValue String segment, @Nullable @QueryValue String theme,
                            @Nullable @QueryValue String since, @Nullable @QueryValue String limit) {
        int count = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Instant from = QueryParameters.instant("since", since, Instant.EPOCH);
        List<AlertList.AlertView> alerts = queries.alerts()
                .orElseThrow(() -> ProblemException.unavailable("the alerts are not loaded yet", SegmentRouter.RETRY_AFTER))
                .stream()
                .filter(alert -> segment == null || alert.segment().equals(segment))
                .filter(alert -> theme == null || ("none".equals(theme) ? alert.theme() == null : theme.equals(alert.theme())))
                .filter(alert -> !alert.at().isBefore(from))
                .sorted(Comparator.comparing(Alert::at).reversed().thenComparing(Alert::id))
                .limit(count)
                .map(AlertList.AlertView::of)
                .toList();
        return new AlertList(alerts);
    }
}
