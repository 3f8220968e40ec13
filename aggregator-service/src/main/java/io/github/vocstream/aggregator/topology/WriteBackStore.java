package io.github.vocstream.aggregator.topology;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.streams.processor.ProcessorContext;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A layer in front of the store Streams builds whose rows the task reads and writes as objects
 * ({@link WriteBackObjects}): written into the store beneath once, when Streams flushes the task's caches before it
 * commits, and from there on through its record cache, changelog and commit exactly as without this layer.
 *
 * <p>It is a {@link WrappedStateStore}, as Streams' own layers are: Streams flushes (before each commit) and clears
 * (when a task is rolled back or recycled) the caches of the layers it can see through; a layer it cannot see
 * through would hold writes back past the commit (the crash tier lost theme counts that way). Closing forgets every
 * object too, as Streams closes a task it rolls back. The values must be immutable (the stores' records are).
 *
 * @param <S> the store's type
 * @param <R> what names a row: the key, or for a window store the key and the window's start
 */
abstract class WriteBackStore<S extends StateStore, K, V, R> extends WrappedStateStore<S, K, V> {

    private final WriteBackObjects<R, V> objects;

    WriteBackStore(S store, int maxEntries) {
        super(store);
        this.objects = new WriteBackObjects<>(maxEntries);
    }

    /** Writes one row into the store beneath (a null value deletes it). */
    abstract void writeBeneath(R row, V value);

    final V read(R row, Function<R, V> readBeneath) {
        return objects.read(row, readBeneath);
    }

    final void write(R row, V value) {
        if (objects.write(row, value)) {
            writeDown();
        }
    }

    private void writeDown() {
        objects.writeDown(this::writeBeneath);
    }

    /** What a scan of the store beneath read, and the pending writes in its range (null values: deletes). */
    record Scan<R, V, I>(Map<R, V> pending, I beneath) {
    }

    /**
     * Runs {@code scan} on the store beneath and returns it with the pending writes whose rows pass {@code inScan},
     * for a reader to lay over it (a query on another thread; the stream thread writes its own down first, so for it
     * none are pending). The pending rows are taken before the store is read: a commit in between writes them down
     * before the read, so none is missed (read the other way round, a row written down in between was in neither).
     */
    final <I> Scan<R, V, I> scanWithPending(Predicate<R> inScan, Function<S, I> scan) {
        S store = current();
        Map<R, V> pending = objects.pendingWhere(inScan);
        return new Scan<>(pending, scan.apply(store));
    }

    /** True when the calling thread is the task's stream thread, which writes and flushes this store, not a query. */
    final boolean calledByTask() {
        return objects.calledByWriter();
    }

    /** The store beneath, holding every write of the calling thread: the stream thread writes its pending rows down first. */
    final S current() {
        if (objects.pendingForCallingThread()) {
            writeDown();
        }
        return wrapped();
    }

    @Override
    @SuppressWarnings("deprecation")
    public void init(ProcessorContext context, StateStore root) {
        objects.forget();
        super.init(context, root);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        objects.forget();
        super.init(context, root);
    }

    /** Before each commit: the pending rows go into Streams' cache, which then goes to the changelog. */
    @Override
    public void flushCache() {
        writeDown();
        super.flushCache();
    }

    @Override
    public void flush() {
        writeDown();
        super.flush();
    }

    /** Streams drops a task's uncommitted cache when it rolls the task back: the objects go with it. */
    @Override
    public void clearCache() {
        objects.forget();
        super.clearCache();
    }

    @Override
    public void close() {
        objects.forget();
        super.close();
    }
}
