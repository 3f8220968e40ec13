package io.github.vocstream.ingest.stream;

import io.github.vocstream.ingest.feedback.ApiKeys;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The stream is let in by the generic API's keys, checked on the upgrade request: a client without one gets a
 * 401 problem instead of a connection.
 */
@ServerFilter(FeedbackStreamSocket.PATH)
public class StreamApiKeyFilter {

    private final ApiKeys apiKeys;

    public StreamApiKeyFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @RequestFilter
    public void requireApiKey(HttpRequest<?> request) {
        apiKeys.requireClient(request.getHeaders().get(ApiKeys.HEADER), request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    }
}
