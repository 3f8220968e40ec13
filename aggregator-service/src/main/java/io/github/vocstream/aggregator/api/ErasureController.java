package io.github.vocstream.aggregator.api;

import io.github.vocstream.aggregator.api.view.ErasureView;
import io.github.vocstream.aggregator.query.ErasureQueries;
import io.github.vocstream.aggregator.topology.ErasureStatus;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/erasures} and {@code GET /v1/erasures/{id}}: the audit of erasures by customer ({@code POST
 * /v1/erasures} on ingest), and how far each got. An erasure ingest took but the aggregator has not read yet is a 404
 * that says so; ask again shortly.
 */
@Controller("/v1/erasures")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ErasureController {

    private static final Pattern ID = Pattern.compile("e-[0-9a-f]{24}");

    private final ErasureQueries queries;
    private final SegmentRouter router;

    public ErasureController(ErasureQueries queries, SegmentRouter router) {
        this.queries = queries;
        this.router = router;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> erasures(HttpRequest<?> request) {
        return router.answer(queries.all().map(all -> new ErasureView.ErasureList(all.stream()
                .sorted(Comparator.comparing(ErasureStatus::requestedAt).reversed().thenComparing(ErasureStatus::id))
                .map(ErasureView::of)
                .toList())), request);
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> erasure(@PathVariable String id, HttpRequest<?> request) {
        if (!ID.matcher(id).matches()) {
            throw ProblemException.badRequest("id", "must be an erasure id as POST /v1/erasures answers it (e- and 24 hex digits), was '"
                    + id + "'");
        }
        return router.answer(queries.erasure(id).map(ErasureView::of), request);
    }
}
