package io.github.vocstream.aggregator.query;

import java.util.Locale;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/** Where a key's stores are (a segment's, the erasure ledger): on this instance, on another one, or nowhere yet. */
public sealed interface Placement {

    /**
     * Where {@code key} of {@code store} is, as Streams' metadata says once it runs; {@code what} names the stores in
     * the reason they cannot be read.
     */
    static Placement of(KafkaStreams streams, HostInfo self, String store, String key, String what) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new NotReady("the aggregator is " + streams.state().name().toLowerCase(Locale.ROOT));
        }
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new NotReady("no instance holds " + what + " yet");
        }
        return self.equals(metadata.activeHost()) ? new Here(what) : new OnInstance(metadata.activeHost());
    }

    /**
     * The answer of {@code here} when the stores are on this instance, else where they are or why none can answer. A
     * store that stops being readable while {@code here} runs (a rebalance began) is not available yet, never an error.
     */
    default <T> Lookup<T> lookup(Supplier<Lookup<T>> here) {
        if (this instanceof OnInstance elsewhere) {
            return new Lookup.Elsewhere<>(elsewhere.host());
        }
        if (this instanceof NotReady notReady) {
            return new Lookup.NotYetAvailable<>(notReady.reason());
        }
        try {
            return here.get();
        } catch (InvalidStateStoreException e) {
            return new Lookup.NotYetAvailable<>("cannot read " + ((Here) this).what() + " during a rebalance");
        }
    }

    record Here(String what) implements Placement {
    }

    record OnInstance(HostInfo host) implements Placement {
    }

    record NotReady(String reason) implements Placement {
    }
}
