package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What one feedback id did to the aggregates: the segments it was counted in and the retraction that takes back
 * exactly what it added to each (without its sentences); or, once retracted, nothing (and nothing ever again).
 */
record Counted(List<String> segments, SegmentUpdate retraction) {

    static final Counted RETRACTED = new Counted(List.of(), null);

    Counted {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    @JsonIgnore
    boolean isRetracted() {
        return retraction == null;
    }
}
