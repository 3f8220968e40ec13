package io.github.vocstream.aggregator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.vocstream.aggregator.api.view.SegmentList;
import io.github.vocstream.aggregator.api.view.SegmentView;
import io.github.vocstream.aggregator.query.SegmentQueries;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/** {@code /v1/segments}: live sentiment per segment, from whichever instance holds it. */
@Controller("/v1/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SegmentController {

    private final SegmentQueries queries;
    private final SegmentRouter router;
    private final SegmentViews views;
    private final InstanceForwarder forwarder;

    public SegmentController(SegmentQueries queries, SegmentRouter router, InstanceForwarder forwarder, SegmentViews views) {
        this.views = views;
        this.queries = queries;
        this.router = router;
        this.forwarder = forwarder;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public SegmentList list(HttpRequest<?> request) {
        List<SegmentView> segments = new ArrayList<>();
        queries.localSegments()
                .orElseThrow(() -> ProblemException.unavailable("the segment store is not ready yet", SegmentRouter.RETRY_AFTER))
                .forEach((segment, sentiment) -> segments.add(SegmentView.of(segment, sentiment)));
        if (!SegmentRouter.isForwarded(request)) {
            for (HostInfo host : queries.otherInstances()) {
                segments.addAll(remoteSegments(host, request));
            }
        }
        segments.sort(Comparator.comparingLong(SegmentView::count).reversed().thenComparing(SegmentView::segment));
        return new SegmentList(segments);
    }

    @Get(uri = "/{segment}/sentiment", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> sentiment(@PathVariable String segment, HttpRequest<?> request) {
        return router.answer(segment, request, () -> views.segment(segment));
    }

    /** The segment's totals and every theme, the drivers first: what {@code /live} pushes when it changes. */
    @Get(uri = "/{segment}/summary", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> summary(@PathVariable String segment, HttpRequest<?> request) {
        return router.answer(segment, request, () -> views.summary(segment));
    }

    private List<SegmentView> remoteSegments(HostInfo host, HttpRequest<?> request) {
        var answer = forwarder.get(host, "/v1/segments", SegmentRouter.credentialsOf(request));
        if (answer.statusCode() != 200) {
            throw ProblemException.unavailable("instance " + host.host() + ":" + host.port() + " is not ready", SegmentRouter.RETRY_AFTER);
        }
        try {
            return Json.mapper().readValue(answer.body(), SegmentList.class).segments();
        } catch (JsonProcessingException e) {
            throw ProblemException.unavailable("instance " + host.host() + ":" + host.port() + " answered garbage", SegmentRouter.RETRY_AFTER);
        }
    }
}
