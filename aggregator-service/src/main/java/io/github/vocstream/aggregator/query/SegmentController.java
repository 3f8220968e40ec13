package io.github.vocstream.aggregator.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.common.segment.SegmentKey;
import io.github.vocstream.support.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/** {@code /v1/segments}: live sentiment per segment, from whichever instance holds it. */
@Controller("/v1/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SegmentController {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final SegmentQueries queries;
    private final InstanceForwarder forwarder;

    public SegmentController(SegmentQueries queries, InstanceForwarder forwarder) {
        this.queries = queries;
        this.forwarder = forwarder;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public SegmentList list(HttpRequest<?> request) {
        List<SegmentView> segments = new ArrayList<>(queries.localSegments()
                .orElseThrow(() -> ProblemException.unavailable("the segment store is not ready yet", RETRY_AFTER)));
        if (!isForwarded(request)) {
            for (HostInfo host : queries.otherInstances()) {
                segments.addAll(remoteSegments(host));
            }
        }
        segments.sort(Comparator.comparingLong(SegmentView::count).reversed().thenComparing(SegmentView::segment));
        return new SegmentList(segments);
    }

    @Get(uri = "/{segment}/sentiment", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> sentiment(@PathVariable String segment, HttpRequest<?> request) {
        if (!SegmentKey.isWellFormed(segment)) {
            throw ProblemException.badRequest("segment", "must be 'all' or '<dimension>:<value>', was '" + segment + "'");
        }
        Lookup lookup = queries.lookup(segment);
        if (lookup instanceof Lookup.Found found) {
            return HttpResponse.ok(SegmentView.of(segment, found.sentiment()));
        }
        if (lookup instanceof Lookup.Missing) {
            throw ProblemException.notFound("no feedback has been counted in segment '" + segment + "'");
        }
        if (lookup instanceof Lookup.OnInstance elsewhere && !isForwarded(request)) {
            var answer = forwarder.get(elsewhere.host(),
                    "/v1/segments/" + URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20") + "/sentiment");
            return HttpResponse.status(HttpStatus.valueOf(answer.statusCode()))
                    .contentType(answer.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON))
                    .body(answer.body());
        }
        String reason = lookup instanceof Lookup.NotReady notReady ? notReady.reason() : "the segment moved during a rebalance";
        throw ProblemException.unavailable(reason, RETRY_AFTER);
    }

    private List<SegmentView> remoteSegments(HostInfo host) {
        var answer = forwarder.get(host, "/v1/segments");
        if (answer.statusCode() != 200) {
            throw ProblemException.unavailable("instance " + host.host() + ":" + host.port() + " is not ready", RETRY_AFTER);
        }
        try {
            return Json.mapper().readValue(answer.body(), SegmentList.class).segments();
        } catch (JsonProcessingException e) {
            throw ProblemException.unavailable("instance " + host.host() + ":" + host.port() + " answered garbage", RETRY_AFTER);
        }
    }

    private static boolean isForwarded(HttpRequest<?> request) {
        return request.getHeaders().contains(InstanceForwarder.FORWARDED_HEADER);
    }
}
