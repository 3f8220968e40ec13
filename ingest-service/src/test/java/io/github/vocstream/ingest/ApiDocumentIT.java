package io.github.vocstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.test.ApiDocumentCoverage;
import io.github.vocstream.common.test.ApiDocumentCoverage.Route;
import io.github.vocstream.common.test.HttpCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The API document, generated at build time, describes every route of ours, and its viewer is served. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentIT extends RawTopicIT {

    @Inject
    Router router;

    @Test
    void everyRouteIsInTheDocumentAndTheViewerIsServed() {
        var response = HttpCalls.get(uri("/swagger/ingest-api.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = HttpCalls.json(response);
        List<Route> routes = router.uriRoutes()
                .filter(route -> route.getDeclaringType().getName().startsWith("io.github.vocstream."))
                .map(route -> new Route(route.getHttpMethodName(), route.getUriMatchTemplate().toPathString())).distinct().toList();

        assertThat(routes).as("the router knows the ingest endpoints").hasSizeGreaterThan(10);
        assertThat(ApiDocumentCoverage.missing(routes, document)).isEmpty();
        assertThat(document.path("paths").path("/v1/feedback").path("post").path("requestBody").path("content")
                .path("application/json").path("examples").isMissingNode()).as("the feedback body has an example").isFalse();
        var viewer = HttpCalls.get(uri("/swagger-ui/index.html"));
        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.body()).contains("ingest-api.json");
    }
}
