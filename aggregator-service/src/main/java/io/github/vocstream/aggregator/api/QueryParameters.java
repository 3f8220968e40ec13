package io.github.vocstream.aggregator.api;

import io.github.vocstream.http.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads query parameters, answering a bad one with a 400 that names it. */
final class QueryParameters {

    private QueryParameters() {
    }

    static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + maxLimit + ", was '" + value + "'");
    }

    static Instant instant(String name, String value, Instant defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 instant such as 2026-11-20T10:15:30Z, was '" + value + "'");
        }
    }
}
