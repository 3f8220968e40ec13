package io.github.vocstream.ingest.stream;

import io.github.vocstream.ingest.feedback.ApiKeys;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;

/**
 * The stream is let in by the generic API's keys, checked on the upgrade request: a client without one gets a
 * 401 problem instead of a connection. The filter asks for a key on every WebSocket upgrade, whatever its path, so
 * that no spelling the router accepts ({@code /v1/stream/}, {@code //v1/stream}, percent-encoded) gets around it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class StreamApiKeyFilter {

    private final ApiKeys apiKeys;

    public StreamApiKeyFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @RequestFilter
    public void requireApiKeyToUpgrade(HttpRequest<?> request) {
        if (isWebSocketUpgrade(request)) {
            apiKeys.requireClient(request.getHeaders().get(ApiKeys.HEADER), request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        }
    }

    static boolean isWebSocketUpgrade(HttpRequest<?> request) {
        // Every Upgrade header counts, in any case: a server that upgrades on any of them must not see it unchecked.
        return request.getHeaders().getAll(HttpHeaders.UPGRADE).stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("websocket"));
    }
}
