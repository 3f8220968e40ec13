package io.github.vocstream.aggregator.topology;

import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A window store whose buckets the task reads and writes as objects ({@link WriteBackStore}): the current minute
 * and hour of each segment and theme, rewritten by item after item, are serialised into the store once per commit.
 * Ranges of windows read the store beneath; on the stream thread, after writing down what is pending. A bucket must
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
        return current().fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        return current().backwardFetch(key, timeFrom, timeTo);
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
