package io.github.vocstream.aggregator.query;

import io.github.vocstream.common.segment.SegmentKey;
import io.github.vocstream.http.auth.KeyRing;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final JsonMapper json;

    public SegmentRouter(SegmentQueries queries, InstanceForwarder forwarder, JsonMapper json) {
        this.queries = queries;
        this.forwarder = forwarder;
        this.json = json;
    }

    /** Checks the segment key, then runs {@code local} here or relays the request to the owner. */
    public HttpResponse<?> answer(String segment, HttpRequest<?> request, Supplier<Object> local) {
        requireWellFormed(segment);
        return answer(queries.placementOf(segment), request, local);
    }

    /** Runs {@code local} here if {@code placement} says the stores are here, else relays the request to their owner. */
    public HttpResponse<?> answer(Placement placement, HttpRequest<?> request, Supplier<Object> local) {
        if (placement instanceof Placement.Here) {
            return HttpResponse.ok(local.get());
        }
        if (placement instanceof Placement.OnInstance elsewhere && !isForwarded(request)) {
            return relayed(forwarder.get(elsewhere.host(), request.getUri().getRawPath()
                    + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery()), credentialsOf(request)));
        }
        String reason = placement instanceof Placement.NotReady notReady ? notReady.reason() : "the stores moved during a rebalance";
        throw ProblemException.unavailable(reason, SegmentQueries.RETRY_AFTER);
    }

    /**
     * As {@link #answer}, for a caller inside this service: the JSON of GET {@code pathAndQuery}, computed here by
     * {@code local} or asked of the owner with the caller's {@code credentials}; any other answer as a problem.
     */
    public String answerJson(String segment, String pathAndQuery, Map<String, String> credentials, Supplier<Object> local) {
        requireWellFormed(segment);
        Placement placement = queries.placementOf(segment);
        if (placement instanceof Placement.Here) {
            try {
                return json.writeValueAsString(local.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (placement instanceof Placement.OnInstance elsewhere) {
            var answer = forwarder.get(elsewhere.host(), pathAndQuery, credentials);
            if (answer.statusCode() == 200) {
                return answer.body();
            }
            throw new ProblemException(HttpStatus.valueOf(answer.statusCode()), "the instance holding segment '" + segment
                    + "' answered " + answer.statusCode(), List.of(), null);
        }
        throw ProblemException.unavailable(((Placement.NotReady) placement).reason(), SegmentQueries.RETRY_AFTER);
    }

    /** A 400 naming the segment unless it is {@code all} or {@code <dimension>:<value>}. */
    public static void requireWellFormed(String segment) {
        if (!SegmentKey.isWellFormed(segment)) {
            throw ProblemException.badRequest("segment", "must be 'all' or '<dimension>:<value>', was '" + segment + "'");
        }
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
