package io.github.vocstream.aggregator.topology;

import java.time.Instant;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A segment's emerging-term index: the latest event time among its candidate terms ({@code asOf}, the "now" of every
 * emerging score), and the terms that may be emerging at it, those whose recent count has reached the minimum and not
 * decayed below it since. A term can only have a recent count at or above the minimum now if it had one when it was
 * last said, so this short list holds every term the exhaustive scoring of all the segment's terms would list.
 *
 * <p>{@code counts} holds each listed term's counts as of its last change, without its sentences, so that a query
 * ranks the terms from the index alone and reads sentences for the few it lists. A term's counts change only when
 * it is said or retracted, and both rewrite the index. Indexes written before the counts were kept have none.
 */
public record EmergingIndex(Instant asOf, List<String> terms, Map<String, CandidateStats> counts) {

    public EmergingIndex {
        terms = terms == null ? List.of() : List.copyOf(terms);
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** Whether the counts of every listed term are here (not so in an index written before they were kept). */
    @JsonIgnore
    public boolean hasCounts() {
        return counts.keySet().containsAll(terms);
    }
}
