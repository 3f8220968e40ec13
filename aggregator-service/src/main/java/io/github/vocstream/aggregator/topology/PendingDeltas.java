package io.github.vocstream.aggregator.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The first step's {@link SegmentDelta}s not sent yet, one per segment, kept in memory and sent when the task commits:
 * Streams flushes every store's cache before it commits, and this store's flush sends every pending delta
 * ({@link CommitTimeForward}), so the deltas go in the same transaction as the input offsets of their items. No commit
 * finds a delta pending, so none is ever written to a changelog: a task that fails before its commit is rolled back
 * to the last one and reads those items again, and one that Streams rolls back or closes forgets what it held.
 *
 * <p>A delta that holds {@link #MAX_ITEMS} items is sent at once.
 */
final class PendingDeltas implements StateStore, CachedStateStore<String, SegmentDelta> {

    /**
     * A delta holding this many items is sent at once: a record must stay well below the producer's 1 MB, and a busy
     * segment's new candidate terms each bring a sentence (up to 300 characters).
     */
    static final int MAX_ITEMS = 500;

    private final String name;
    private final AggregatorConfiguration configuration;
    private final Map<String, SegmentDeltaCollector> deltas = new LinkedHashMap<>();
    private BiConsumer<String, SegmentDelta> send;
    /** Whether an item was added since the last commit: also once its delta was sent for being full. */
    private boolean uncommitted;
    private boolean open;

    private PendingDeltas(String name, AggregatorConfiguration configuration) {
        this.name = name;
        this.configuration = configuration;
    }

    /** Where the deltas go, by segment: the processor that collects them forwards them. */
    void sendWith(BiConsumer<String, SegmentDelta> send) {
        this.send = send;
    }

    /** Adds what an item changes to the delta of {@code segment}, and sends that delta at once if it is full. */
    void collect(String segment, ItemChange change) {
        uncommitted = true;
        SegmentDeltaCollector delta = deltas.computeIfAbsent(segment, any -> new SegmentDeltaCollector(configuration));
        delta.collect(change);
        if (delta.items() >= MAX_ITEMS) {
            deltas.remove(segment);
            send.accept(segment, delta.toDelta());
        }
    }

    /** Whether items were added since the last commit, so that a commit would show them. */
    boolean holdsUncommitted() {
        return uncommitted;
    }

    /** Before each commit: every pending delta is sent. */
    @Override
    public void flushCache() {
        deltas.forEach((segment, delta) -> send.accept(segment, delta.toDelta()));
        deltas.clear();
        uncommitted = false;
    }

    /** Streams drops what a task did since its last commit when it rolls the task back: the deltas go with it. */
    @Override
    public void clearCache() {
        deltas.clear();
        uncommitted = false;
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, SegmentDelta> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void init(org.apache.kafka.streams.processor.ProcessorContext context, StateStore root) {
        deltas.clear();
        context.register(root, (key, value) -> { });
        open = true;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        deltas.clear();
        context.register(root, (key, value) -> { });
        open = true;
    }

    /** Nothing is written down: what is pending at a commit is sent first. */
    @Override
    public void flush() {
    }

    @Override
    public void close() {
        deltas.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Builds one per task; it has no changelog. */
    static StoreBuilder<PendingDeltas> builder(String name, AggregatorConfiguration configuration) {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<PendingDeltas> withCachingEnabled() {
                return this;
            }

            @Override
            public StoreBuilder<PendingDeltas> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<PendingDeltas> withLoggingEnabled(Map<String, String> config) {
                throw new UnsupportedOperationException("pending deltas are sent before each commit, never logged");
            }

            @Override
            public StoreBuilder<PendingDeltas> withLoggingDisabled() {
                return this;
            }

            @Override
            public PendingDeltas build() {
                return new PendingDeltas(name, configuration);
            }

            @Override
            public Map<String, String> logConfig() {
                return Map.of();
            }

            @Override
            public boolean loggingEnabled() {
                return false;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
