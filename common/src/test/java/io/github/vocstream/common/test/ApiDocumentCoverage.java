package io.github.vocstream.common.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which of a service's routes its OpenAPI document does not describe. */
public final class ApiDocumentCoverage {

    /** A route as the router knows it: {@code GET /v1/segments/{key}/sentiment}. */
    public record Route(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ApiDocumentCoverage() {
    }

    /**
     * The routes without an operation of the same method and path template in {@code document}'s paths. A HEAD route
     * is the framework's twin of a GET and is covered by it; a variable that may hold slashes ({@code {+theme}}) is
     * written {@code {theme}} in OpenAPI.
     */
    public static List<Route> missing(List<Route> routes, JsonNode document) {
        List<Route> missing = new ArrayList<>();
        for (Route route : routes) {
            String method = route.method().equals("HEAD") ? "get" : route.method().toLowerCase(Locale.ROOT);
            String path = route.path().replace("{+", "{");
            if (document.path("paths").path(path).path(method).isMissingNode()) {
                missing.add(route);
            }
        }
        return missing;
    }
}
