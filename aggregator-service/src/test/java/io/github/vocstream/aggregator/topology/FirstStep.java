package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.kafka.JsonSerde;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The first step ({@link CountOnce}) alone, its stores in memory, committing only when told: what it sends per
 * segment, and when. (A TopologyTestDriver commits after every record, so there every delta holds one item.)
 */
final class FirstStep {

    private final MockProcessorContext<String, SegmentDelta> context = new MockProcessorContext<>();
    private final PendingDeltas pending;
    private final CountOnce countOnce;

    FirstStep(AggregatorConfiguration configuration, Personas personas) {
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AggregatorTopology.COUNTED_FEEDBACK_STORE), Serdes.String(),
                new CountedSerde()).withLoggingDisabled().build());
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AggregatorTopology.LEFTOVER_DELTAS_STORE), Serdes.String(),
                JsonSerde.binary(SegmentDelta.class)).withLoggingDisabled().build());
        pending = add(PendingDeltas.builder(AggregatorTopology.PENDING_DELTAS_STORE, configuration).build());
        countOnce = new CountOnce(personas, RatingScales.defaults(), configuration);
        // CountOnce notes when items start to wait for a commit; its check runs only when a test asks.
        context.setCurrentSystemTimeMs(0);
        countOnce.init(context);
    }

    private <S extends StateStore> S add(S store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    /** Counts {@code feedback}; returns the deltas that sends at once (full ones), keyed by segment. */
    List<Record<String, SegmentDelta>> pipe(AnnotatedFeedback feedback) {
        countOnce.process(new Record<>(feedback.id(), new Parsed.Ok(feedback), feedback.annotatedAt().toEpochMilli()));
        return sent();
    }

    /** Takes {@code feedbackId} back out; returns the deltas that sends at once. */
    List<Record<String, SegmentDelta>> retract(String feedbackId, Instant at) {
        countOnce.process(new Record<>(feedbackId, Parsed.RETRACTED, at.toEpochMilli()));
        return sent();
    }

    /** Sets the wall clock the first step reads while it counts. */
    void clockAt(Instant now) {
        context.setCurrentSystemTimeMs(now.toEpochMilli());
    }

    /** Runs the first step's own check at wall-clock {@code now}: whether it asked Streams for a commit. */
    boolean asksForCommitAt(Instant now) {
        context.resetCommit();
        context.scheduledPunctuators().forEach(punctuator -> punctuator.getPunctuator().punctuate(now.toEpochMilli()));
        return context.committed();
    }

    /** Commits as Streams does: returns every delta pending until then. */
    List<Record<String, SegmentDelta>> commit() {
        pending.flushCache();
        return sent();
    }

    private List<Record<String, SegmentDelta>> sent() {
        List<Record<String, SegmentDelta>> sent = context.forwarded().stream()
                .<Record<String, SegmentDelta>>map(forward -> new Record<>(forward.record().key(), forward.record().value(),
                        forward.record().timestamp()))
                .toList();
        context.resetForwards();
        return sent;
    }
}
