package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.SegmentSentiment;
import org.apache.kafka.streams.state.HostInfo;

/** The answer to "where is this segment?": here, on another instance, not known yet, or nowhere. */
public sealed interface Lookup {

    record Found(SegmentSentiment sentiment) implements Lookup {
    }

    record OnInstance(HostInfo host) implements Lookup {
    }

    record NotReady(String reason) implements Lookup {
    }

    record Missing() implements Lookup {
    }
}
