package io.github.vocstream.aggregator.topology;

import java.time.Instant;
import java.util.List;

/**
 * A segment's emerging-term index: the latest event time among its candidate terms ({@code asOf}, the "now" of every
 * emerging score), and the terms that may be emerging at it, those whose recent count has reached the minimum and not
 * decayed below it since. A term can only have a recent count at or above the minimum now if it had one when it was
 * last said, so this short list holds every term the exhaustive scoring of all the segment's terms would list.
 */
public record EmergingIndex(Instant asOf, List<String> terms) {

    public EmergingIndex {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
