package io.github.vocstream.aggregator.access;

import io.github.vocstream.http.auth.KeyRing;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;

/**
 * The query API answers only a request with a read key ({@code X-Api-Key} or {@code Authorization: Bearer}), unless
 * it is declared open. Decided by what the request was routed to, not by its path, so no spelling of a path gets
 * around it: every route of ours needs a key; health, the framework's, does not.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class QueryKeyFilter {

    private static final String OUR_PACKAGE = "io.github.vocstream.";

    private final KeyRing keys;

    public QueryKeyFilter(QueryAccessConfiguration configuration) {
        this.keys = new KeyRing(configuration.apiKeys(), configuration.open(), "voc.query.api-keys.<client>", "voc.query.open");
    }

    @RequestFilter
    public void requireReadKey(HttpRequest<?> request) {
        boolean ours = RouteAttributes.getRouteInfo(request)
                .map(route -> route.getDeclaringType().getName().startsWith(OUR_PACKAGE)).orElse(false);
        if (ours) {
            keys.requireClient(request.getHeaders().get(KeyRing.HEADER), request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        }
    }
}
