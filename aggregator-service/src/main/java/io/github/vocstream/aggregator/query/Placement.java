package io.github.vocstream.aggregator.query;

import org.apache.kafka.streams.state.HostInfo;

/** Where a segment's stores are: on this instance, on another one, or nowhere yet. */
public sealed interface Placement {

    record Here() implements Placement {
    }

    record OnInstance(HostInfo host) implements Placement {
    }

    record NotReady(String reason) implements Placement {
    }
}
