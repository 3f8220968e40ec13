package io.github.vocstream.aggregator.topology;

import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * A key-value store whose rows the task reads and writes as objects ({@link WriteBackStore}). Streams' own cache
 * holds bytes, so every read of a hot row (the theme rows of {@code all}, read and rewritten by item after item)
 * parsed it and every write serialised it; here both are map operations, and the row is serialised once per commit.
 * Ranges and scans read the store beneath; on the stream thread, after writing down what is pending.
 */
class DeserializedCache<K, V> extends WriteBackStore<KeyValueStore<K, V>, K, V, K> implements KeyValueStore<K, V> {

    private DeserializedCache(KeyValueStore<K, V> store, int maxEntries) {
        super(store, maxEntries);
    }

    /** In front of a timestamped store (as the DSL's aggregations keep), which queries read as plain values. */
    private static final class Timestamped<K, V> extends DeserializedCache<K, ValueAndTimestamp<V>>
            implements TimestampedKeyValueStore<K, V> {

        private Timestamped(TimestampedKeyValueStore<K, V> store, int maxEntries) {
            super(store, maxEntries);
        }
    }

    /** {@code builder}'s store with up to {@code maxEntries} values per task kept as objects (and as many pending). */
    static <K, V> StoreBuilder<KeyValueStore<K, V>> around(StoreBuilder<KeyValueStore<K, V>> builder, int maxEntries) {
        return new WrappingStoreBuilder<>(builder, store -> new DeserializedCache<>(store, maxEntries));
    }

    /** {@link #around} for a timestamped store. */
    static <K, V> StoreBuilder<TimestampedKeyValueStore<K, V>> aroundTimestamped(StoreBuilder<TimestampedKeyValueStore<K, V>> builder,
                                                                             int maxEntries) {
        return new WrappingStoreBuilder<>(builder, store -> new Timestamped<>(store, maxEntries));
    }

    @Override
    void writeBeneath(K key, V value) {
        wrapped().put(key, value);
    }

    @Override
    public V get(K key) {
        return read(key, wrapped()::get);
    }

    @Override
    public void put(K key, V value) {
        write(key, value);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V before = get(key);
        if (before == null) {
            put(key, value);
        }
        return before;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(K key) {
        V before = get(key);
        put(key, null);
        return before;
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return current().range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return current().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return current().all();
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return current().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        return current().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }
}
