package io.github.vocstream.aggregator.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A window store whose buckets the task reads and writes as objects ({@link WriteBackStore}): the current minute
 * and hour of each segment and theme, rewritten by item after item, are serialised into the store once per commit.
 * A key's buckets over a span are read with the pending ones laid over them (the stream thread writes its own down
 * first); ranges over keys read the store beneath, on other threads without what is pending. A bucket must
 * only be read while it is within the store's retention (the timeline checks this before it reads), since the
 * objects do not expire with the store's segments.
 */
final class DeserializedWindowCache<K, V> extends WriteBackStore<WindowStore<K, V>, K, V, DeserializedWindowCache.Bucket<K>>
        implements WindowStore<K, V> {

    /** A bucket: its key and the start of its window. */
    record Bucket<K>(K key, long start) {
    }

    private DeserializedWindowCache(WindowStore<K, V> store, int maxEntries) {
        super(store, maxEntries);
    }

    /** {@code builder}'s store with up to {@code maxEntries} buckets per task kept as objects (and as many pending). */
    static <K, V> StoreBuilder<WindowStore<K, V>> around(StoreBuilder<WindowStore<K, V>> builder, int maxEntries) {
        return new WrappingStoreBuilder<>(builder, store -> new DeserializedWindowCache<>(store, maxEntries));
    }

    @Override
    void writeBeneath(Bucket<K> bucket, V value) {
        wrapped().put(bucket.key(), value, bucket.start());
    }

    @Override
    public V fetch(K key, long time) {
        return read(new Bucket<>(key, time), bucket -> wrapped().fetch(bucket.key(), bucket.start()));
    }

    @Override
    public void put(K key, V value, long windowStartTimestamp) {
        write(new Bucket<>(key, windowStartTimestamp), value);
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        return withPending(store -> store.fetch(key, timeFrom, timeTo), key, timeFrom, timeTo, false);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        return withPending(store -> store.backwardFetch(key, timeFrom, timeTo), key, timeFrom, timeTo, true);
    }

    /**
     * The buckets of {@code key} that the store beneath holds with the pending ones laid over them, by start (a query
     * on another thread, {@link #scanWithPending}). Read whole only when a pending bucket falls in the span.
     */
    private WindowStoreIterator<V> withPending(Function<WindowStore<K, V>, WindowStoreIterator<V>> scan, K key, long timeFrom,
                                               long timeTo, boolean backward) {
        Scan<Bucket<K>, V, WindowStoreIterator<V>> read = scanWithPending(
                bucket -> bucket.key().equals(key) && bucket.start() >= timeFrom && bucket.start() <= timeTo, scan);
        Map<Bucket<K>, V> pending = read.pending();
        WindowStoreIterator<V> beneath = read.beneath();
        if (pending.isEmpty()) {
            return beneath;
        }
        TreeMap<Long, KeyValue<Long, V>> merged = new TreeMap<>();
        try (beneath) {
            beneath.forEachRemaining(bucket -> merged.put(bucket.key, bucket));
        }
        pending.forEach((bucket, value) -> {
            if (value == null) {
                merged.remove(bucket.start());
            } else {
                merged.put(bucket.start(), KeyValue.pair(bucket.start(), value));
            }
        });
        return new ListedBuckets<>(new ArrayList<>(backward ? merged.descendingMap().values() : merged.values()));
    }

    private static final class ListedBuckets<V> extends ListedKeyValues<Long, V> implements WindowStoreIterator<V> {

        private ListedBuckets(List<KeyValue<Long, V>> buckets) {
            super(buckets);
        }
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return current().fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return current().backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        return current().all();
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardAll() {
        return current().backwardAll();
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        return current().fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
        return current().backwardFetchAll(timeFrom, timeTo);
    }
}
