package io.github.vocstream.aggregator.api;

import io.github.vocstream.aggregator.query.Lookup;
import io.github.vocstream.aggregator.query.SegmentQueries;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Says a {@link Lookup} in HTTP: found is 200, missing 404, not yet available 503 with Retry-After, and held by
 * another instance is that instance's answer (asked once, with the same path and query).
 */
@Singleton
public class SegmentRouter {

    /** When a client should ask again after a 503: a rebalance or a start takes seconds. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final SegmentQueries queries;
    private final InstanceForwarder forwarder;
    private final JsonMapper json;

    public SegmentRouter(SegmentQueries queries, InstanceForwarder forwarder, JsonMapper json) {
        this.queries = queries;
        this.forwarder = forwarder;
        this.json = json;
    }

    /** Checks the segment key, then answers with {@code here} on this instance or relays the request to the owner. */
    public <T> HttpResponse<?> answer(String segment, HttpRequest<?> request, Supplier<Lookup<T>> here) {
        requireWellFormed(segment);
        return answer(queries.inSegment(segment, here), request);
    }

    /** The lookup's outcome as an HTTP answer; one found elsewhere is relayed, unless the request was relayed to us. */
    public HttpResponse<?> answer(Lookup<?> lookup, HttpRequest<?> request) {
        if (lookup instanceof Lookup.Elsewhere<?> elsewhere) {
            if (isForwarded(request)) {
                // The instance that relayed it thought we held the stores: they moved since.
                throw ProblemException.unavailable("the stores moved during a rebalance", RETRY_AFTER);
            }
            return relayed(forwarder.get(elsewhere.host(), request.getUri().getRawPath()
                    + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery()), credentialsOf(request)));
        }
        return HttpResponse.ok(valueOf(lookup));
    }

    /**
     * As {@link #answer}, for a caller inside this service: the JSON of GET {@code pathAndQuery}, computed here by
     * {@code here} or asked of the owner with the caller's {@code credentials}; any other answer as a problem.
     */
    public <T> String answerJson(String segment, String pathAndQuery, Map<String, String> credentials,
                                 Supplier<Lookup<T>> here) {
        requireWellFormed(segment);
        Lookup<T> lookup = queries.inSegment(segment, here);
        if (lookup instanceof Lookup.Elsewhere<?> elsewhere) {
            var answer = forwarder.get(elsewhere.host(), pathAndQuery, credentials);
            if (answer.statusCode() == 200) {
                return answer.body();
            }
            if (answer.statusCode() >= 500) {
                throw ProblemException.unavailable("the instance holding segment '" + segment + "' answered "
                        + answer.statusCode() + "; ask again shortly", RETRY_AFTER);
            }
            throw new ProblemException(HttpStatus.valueOf(answer.statusCode()), "the instance holding segment '" + segment
                    + "' answered " + answer.statusCode(), List.of(), null);
        }
        try {
            return json.writeValueAsString(valueOf(lookup));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value found, or the problem that says why there is none here. */
    private static Object valueOf(Lookup<?> lookup) {
        if (lookup instanceof Lookup.Found<?> found) {
            return found.value();
        }
        if (lookup instanceof Lookup.Missing<?> missing) {
            throw ProblemException.notFound(missing.reason());
        }
        if (lookup instanceof Lookup.NotYetAvailable<?> notYet) {
            throw ProblemException.unavailable(notYet.reason(), RETRY_AFTER);
        }
        throw new IllegalArgumentException("a lookup found elsewhere is relayed, not read: " + lookup);
    }

    /** A 400 naming the segment unless it is {@code all} or {@code <dimension>:<value>}. */
    public static void requireWellFormed(String segment) {
        if (!SegmentKey.isWellFormed(segment)) {
            throw ProblemException.badRequest("segment", "must be 'all' or '<dimension>:<value>', was '" + segment + "'");
        }
    }

    /**
     * The other instance's answer as ours: status, body, content type, and when to try again if it says so. A failure
     * of its own (a 5xx other than 503, as while it shuts down) is a 503 here: the data is fine, ask again shortly.
     */
    static MutableHttpResponse<String> relayed(java.net.http.HttpResponse<String> answer) {
        if (answer.statusCode() >= 500 && answer.statusCode() != 503) {
            throw ProblemException.unavailable("the instance holding this data failed to answer (" + answer.statusCode()
                    + "); ask again shortly", RETRY_AFTER);
        }
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
