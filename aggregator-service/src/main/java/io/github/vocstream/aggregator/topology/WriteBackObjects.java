package io.github.vocstream.aggregator.topology;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The values of one store, per task, kept as objects in front of Streams' byte-level layers: the writes since the
 * last commit ({@code pending}, each serialised into the store once, when Streams flushes before committing) and
 * the rows last read or written down ({@code recent}, so that a hot row is not parsed again). A hot row, such as
 * the minute bucket of segment {@code all}, is then parsed and serialised once per commit instead of once per item.
 *
 * <p>Pending writes are seen at once by every reader, as Streams' own cache shows writes before they are committed:
 * queries from other threads read them too (an answer waiting for the commit was a quarter of a second later in
 * {@code bench/run.sh live}). Only the writing thread (the stream thread) puts rows it read into {@code recent}, so a
 * query that read an older value cannot overwrite a newer one there.
 */
final class WriteBackObjects<K, V> {

    private static final Object NOT_PENDING = new Object();

    private final int maxPending;
    /** Insertion order, so that rows are written down in the order they were first changed; null marks a delete. */
    private final Map<K, V> pending = new LinkedHashMap<>();
    private final Map<K, V> recent;
    private volatile Thread writer;

    WriteBackObjects(int maxEntries) {
        this.maxPending = maxEntries;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The value of {@code key}: pending, kept, or read from the store with {@code load}. */
    @SuppressWarnings("unchecked")
    V read(K key, Function<K, V> load) {
        boolean byWriter = calledByWriter();
        synchronized (this) {
            // One lookup: a pending null is a delete, which getOrDefault tells apart from a row not pending.
            Object written = ((Map<K, Object>) pending).getOrDefault(key, NOT_PENDING);
            if (written != NOT_PENDING) {
                return (V) written;
            }
            V kept = recent.get(key);
            if (kept != null) {
                return kept;
            }
        }
        V loaded = load.apply(key);
        if (loaded != null && byWriter) {
            synchronized (this) {
                recent.put(key, loaded);
            }
        }
        return loaded;
    }

    /**
     * Notes a write of {@code value} (null: a delete) by the calling thread; true when so many are pending that they
     * should be written down now rather than at the commit.
     */
    boolean write(K key, V value) {
        writer = Thread.currentThread();
        synchronized (this) {
            pending.put(key, value);
            return pending.size() >= maxPending;
        }
    }

    /** A copy of the pending writes whose rows pass {@code filter}, in no order; a null value is a delete. */
    synchronized Map<K, V> pendingWhere(Predicate<K> filter) {
        Map<K, V> selected = new HashMap<>();
        pending.forEach((row, value) -> {
            if (filter.test(row)) {
                selected.put(row, value);
            }
        });
        return selected;
    }

    /** True when the calling thread has writes that the store beneath does not hold yet. */
    synchronized boolean pendingForCallingThread() {
        return calledByWriter() && !pending.isEmpty();
    }

    /** True when the calling thread is the one that writes: the task's stream thread, not a query. */
    boolean calledByWriter() {
        return Thread.currentThread() == writer;
    }

    /**
     * Writes the pending values to the store with {@code store} (a null value deletes), oldest change first, and keeps
     * them as its recent rows. Held under the lock, so a query sees either the old rows or the new ones.
     */
    synchronized void writeDown(BiConsumer<K, V> store) {
        if (pending.isEmpty()) {
            return;
        }
        for (Map.Entry<K, V> change : pending.entrySet()) {
            store.accept(change.getKey(), change.getValue());
            if (change.getValue() == null) {
                recent.remove(change.getKey());
            } else {
                recent.put(change.getKey(), change.getValue());
            }
        }
        pending.clear();
    }

    /** Drops everything: pending writes of a task rolled back, and rows that may no longer be in the store. */
    synchronized void forget() {
        pending.clear();
        recent.clear();
    }
}
