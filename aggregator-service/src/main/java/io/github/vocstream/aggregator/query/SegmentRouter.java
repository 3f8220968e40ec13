package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.SegmentSentiment;
import io.github.vocstream.common.segment.SegmentKey;
import io.github.vocstream.support.auth.KeyRing;
import io.github.vocstream.support.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers a question about one segment where its stores are: here, or on the instance that holds them (asked once,
 * with the same path and query). A segment no instance holds yet is a 503 with Retry-After.
 */
@Singleton
public class SegmentRouter {

    private final SegmentQueries queries;
    private final InstanceForwarder forwarder;

    public SegmentRouter(SegmentQueries queries, InstanceForwarder forwarder) {
        this.queries = queries;
        this.forwarder = forwarder;
    }

    /** Checks the segment key, then runs {@code local} here or relays the request to the owner. */
    public HttpResponse<?> answer(String segment, HttpRequest<?> request, Supplier<Object> local) {
        if (!SegmentKey.isWellFormed(segment)) {
            throw ProblemException.badRequest("segment", "must be 'all' or '<dimension>:<value>', was '" + segment + "'");
        }
        Placement placement = queries.placementOf(segment);
        if (placement instanceof Placement.Here) {
            return HttpResponse.ok(local.get());
        }
        if (placement instanceof Placement.OnInstance elsewhere && !isForwarded(request)) {
            return relayed(forwarder.get(elsewhere.host(), request.getUri().getRawPath()
                    + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery()), credentialsOf(request)));
        }
        String reason = placement instanceof Placement.NotReady notReady ? notReady.reason() : "the segment moved during a rebalance";
        throw ProblemException.unavailable(reason, SegmentQueries.RETRY_AFTER);
    }

    /** The segment's totals from this instance's store, or 404 when nothing has been counted in it. */
    public SegmentSentiment requireSegment(String segment) {
        return queries.sentiment(segment)
                .orElseThrow(() -> ProblemException.notFound("no feedback has been counted in segment '" + segment + "'"));
    }

    /** The other instance's answer as ours: status, body, content type, and when to try again if it says so. */
    static MutableHttpResponse<String> relayed(java.net.http.HttpResponse<String> answer) {
        MutableHttpResponse<String> relayed = HttpResponse.<String>status(HttpStatus.valueOf(answer.statusCode()))
                .contentType(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_JSON))
                .body(answer.body());
        answer.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(value -> relayed.header(HttpHeaders.RETRY_AFTER, value));
        return relayed;
    }

    /** The read key the caller sent, in whichever header it sent it. */
    static Map<String, String> credentialsOf(HttpRequest<?> request) {
        Map<String, String> credentials = new HashMap<>();
        for (String header : List.of(KeyRing.HEADER, HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().getFirst(header).ifPresent(value -> credentials.put(header, value));
        }
        return credentials;
    }

    static boolean isForwarded(HttpRequest<?> request) {
        return request.getHeaders().contains(InstanceForwarder.FORWARDED_HEADER);
    }
}
