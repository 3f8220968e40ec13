package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What one feedback id did to the aggregates: the segments it was counted in and what it added to each, so that a
 * retraction can take exactly that back; or, once retracted, nothing (and nothing ever again).
 */
record Counted(List<String> segments, SegmentUpdate update) {

    static final Counted RETRACTED = new Counted(List.of(), null);

    Counted {
        segments = List.copyOf(segments);
    }

    @JsonIgnore
    boolean isRetracted() {
        return update == null;
    }
}
