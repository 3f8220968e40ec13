package io.github.vocstream.aggregator.query;

import java.util.Locale;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** Where a key's stores are (a segment's, the erasure ledger): on this instance, on another one, or nowhere yet. */
public sealed interface Placement {

    /**
     * Where {@code key} of {@code store} is, as Streams' metadata says once it runs; {@code what} names it in the
     * reason it is nowhere yet.
     */
    static Placement of(KafkaStreams streams, HostInfo self, String store, String key, String what) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new NotReady("the aggregator is " + streams.state().name().toLowerCase(Locale.ROOT));
        }
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new NotReady("no instance holds " + what + " yet");
        }
        return self.equals(metadata.activeHost()) ? new Here() : new OnInstance(metadata.activeHost());
    }

    record Here() implements Placement {
    }

    record OnInstance(HostInfo host) implements Placement {
    }

    record NotReady(String reason) implements Placement {
    }
}
