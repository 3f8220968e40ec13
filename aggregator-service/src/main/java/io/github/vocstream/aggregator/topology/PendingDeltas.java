package io.github.vocstream.aggregator.topology;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The first step's {@link SegmentDelta}s not sent yet, one per segment, in a store of their own: a commit between
 * collecting and sending keeps them in the same transaction as the input offsets they came from, and a task that
 * restarts finds them in the store's changelog and sends them then. The store keeps them as objects
 * ({@link DeserializedCache}), so adding an item writes nothing down; a delta is serialised when a commit comes first,
 * and when it is sent.
 */
final class PendingDeltas {

    /**
     * A delta holding this many items is sent at once: a record must stay well below the producer's 1 MB, and a busy
     * segment's new candidate terms each bring a sentence (up to 300 characters).
     */
    static final int MAX_ITEMS = 500;

    private final KeyValueStore<String, SegmentDelta> store;
    private final AggregatorConfiguration configuration;
    /** The segments with a delta in the store; unknown (null) until read from it after the task (re)started. */
    private Set<String> pending;

    PendingDeltas(KeyValueStore<String, SegmentDelta> store, AggregatorConfiguration configuration) {
        this.store = store;
        this.configuration = configuration;
    }

    /** Adds {@code update} to the delta of {@code segment}, and sends that delta at once if it is full. */
    void collect(String segment, SegmentUpdate update, ProcessorContext<String, SegmentDelta> context) {
        SegmentDelta delta = store.get(segment);
        if (delta == null) {
            delta = new SegmentDelta();
        }
        delta.collect(update, configuration);
        if (delta.items() >= MAX_ITEMS) {
            forward(context, segment, delta);
            return;
        }
        // The same object again: the store marks it pending, to write it down if a commit comes before it is sent.
        store.put(segment, delta);
        segments().add(segment);
    }

    /** Forwards every pending delta, keyed by its segment and stamped with its latest event time, and forgets it. */
    void send(ProcessorContext<String, SegmentDelta> context) {
        for (String segment : segments()) {
            SegmentDelta delta = store.get(segment);
            if (delta != null) {
                forward(context, segment, delta);
            }
        }
        pending.clear();
    }

    private void forward(ProcessorContext<String, SegmentDelta> context, String segment, SegmentDelta delta) {
        context.forward(new Record<>(segment, delta, delta.time()));
        store.delete(segment);
    }

    private Set<String> segments() {
        if (pending == null) {
            pending = new LinkedHashSet<>();
            try (KeyValueIterator<String, SegmentDelta> restored = store.all()) {
                restored.forEachRemaining(entry -> pending.add(entry.key));
            }
        }
        return pending;
    }
}
