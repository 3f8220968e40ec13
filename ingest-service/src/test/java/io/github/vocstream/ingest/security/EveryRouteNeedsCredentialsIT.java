package io.github.vocstream.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.ingest.RawTopicIT;
import io.github.vocstream.ingest.stream.FeedbackStreamSocket;
import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Walks every route the router knows and asks each, in every spelling a router might accept (trailing and double
 * slashes, percent-encoding, case), without credentials: nothing but a refusal may come back. A new route that
 * forgets authentication fails this test; only health and the metrics are open, by design (operational figures, no
 * customer text). The stream's route serves nothing to a
 * plain request (no upgrade, no socket: 400); its upgrades, in every spelling, are {@code StreamLimitsIT}'s.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryRouteNeedsCredentialsIT extends RawTopicIT {

    private static final Set<Integer> REFUSALS = Set.of(401, 404, 405);
    private static final Set<String> OPEN = Set.of("/health", "/prometheus");

    @Inject
    Router router;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected String clientKey() {
        return "k-walker-61d2";
    }

    @Test
    void noRouteAnswersARequestWithoutCredentialsInAnySpelling() throws Exception {
        List<String> answered = new ArrayList<>();
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(route -> OPEN.stream().noneMatch(route.getUriMatchTemplate().toPathString()::startsWith)).toList();
        assertThat(routes).as("the router knows the ingest endpoints").hasSizeGreaterThan(10);
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().expand(Map.of("source", "acme", "platform", "reddit",
                    "token", "not-a-token"));
            for (String spelling : spellings(path)) {
                HttpResponse<String> response = send(route.getHttpMethod(), spelling);
                boolean plainRequestToTheStream = route.getDeclaringType().equals(FeedbackStreamSocket.class)
                        && response.statusCode() == 400;
                if (!REFUSALS.contains(response.statusCode()) && !plainRequestToTheStream) {
                    answered.add(route.getHttpMethod() + " " + spelling + " -> " + response.statusCode() + " " + response.body());
                }
            }
        }

        assertThat(answered).as("answered without credentials").isEmpty();
    }

    private static List<String> spellings(String path) {
        String encoded = path.replaceFirst("v1", "v%31");
        return List.of(path, path + "/", "/" + path, path.replace("/", "//"), encoded, path.toUpperCase(Locale.ROOT),
                path + "?x=1", path + "/.", path + "%2F");
    }

    private HttpResponse<String> send(HttpMethod method, String path) throws Exception {
        HttpRequest.BodyPublisher body = method == HttpMethod.GET || method == HttpMethod.HEAD
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{\"source\":\"acme\"}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri("/").toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json").method(method.name(), body).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
