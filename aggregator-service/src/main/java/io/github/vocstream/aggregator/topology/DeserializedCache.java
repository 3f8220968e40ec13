package io.github.vocstream.aggregator.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.Bytes;
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
 * Ranges and scans on the stream thread write what is pending down first; on other threads (queries) they lay the
 * pending rows over what the store beneath holds, each row read again as it is now ({@link #withPending} says why),
 * so every reader sees a write at once, as in Streams' own cache.
 */
class DeserializedCache<K, V> extends WriteBackStore<KeyValueStore<K, V>, K, V, K> implements KeyValueStore<K, V> {

    private final Serializer<K> keys;

    private DeserializedCache(KeyValueStore<K, V> store, int maxEntries, Serializer<K> keys) {
        super(store, maxEntries);
        this.keys = keys;
    }

    /** In front of a timestamped store (as the DSL's aggregations keep), which queries read as plain values. */
    private static final class Timestamped<K, V> extends DeserializedCache<K, ValueAndTimestamp<V>>
            implements TimestampedKeyValueStore<K, V> {

        private Timestamped(TimestampedKeyValueStore<K, V> store, int maxEntries, Serializer<K> keys) {
            super(store, maxEntries, keys);
        }
    }

    /**
     * {@code builder}'s store with up to {@code maxEntries} values per task kept as objects (and as many pending);
     * {@code keys} is its key serializer, which orders the store's rows.
     */
    static <K, V> StoreBuilder<KeyValueStore<K, V>> around(StoreBuilder<KeyValueStore<K, V>> builder, int maxEntries,
                                                          Serializer<K> keys) {
        return new WrappingStoreBuilder<>(builder, store -> new DeserializedCache<>(store, maxEntries, keys));
    }

    /** {@link #around} for a timestamped store. */
    static <K, V> StoreBuilder<TimestampedKeyValueStore<K, V>> aroundTimestamped(StoreBuilder<TimestampedKeyValueStore<K, V>> builder,
                                                                             int maxEntries, Serializer<K> keys) {
        return new WrappingStoreBuilder<>(builder, store -> new Timestamped<>(store, maxEntries, keys));
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
        return withPending(store -> store.range(from, to), between(from, to), false);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return withPending(store -> store.reverseRange(from, to), between(from, to), true);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return withPending(KeyValueStore::all, key -> true, false);
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return withPending(KeyValueStore::reverseAll, key -> true, true);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        byte[] start = prefixKeySerializer.serialize(null, prefix);
        return withPending(store -> store.prefixScan(prefix, prefixKeySerializer), key -> {
            byte[] row = keys.serialize(null, key);
            return row.length >= start.length && Arrays.equals(row, 0, start.length, start, 0, start.length);
        }, false);
    }

    /** Keys from {@code from} to {@code to}, both included, in the store's (byte) order; null: no bound. */
    private Predicate<K> between(K from, K to) {
        Bytes lowest = from == null ? null : bytes(from);
        Bytes highest = to == null ? null : bytes(to);
        return key -> {
            Bytes row = bytes(key);
            return (lowest == null || row.compareTo(lowest) >= 0) && (highest == null || row.compareTo(highest) <= 0);
        };
    }

    private Bytes bytes(K key) {
        return Bytes.wrap(keys.serialize(null, key));
    }

    /**
     * What the store beneath holds with the pending writes in {@code inQuery} laid over it, in the store's order. The
     * task's own scans read the store beneath as it is ({@link #scanWithPending} wrote its rows down first). A query on
     * another thread reads every row of the scan again: Streams' record cache beneath looks its entries up only as
     * the scan reaches them, over a store iterator opened first, so a commit's flush in between (which moves the
     * cache's deletes into the store and drops them from the cache) let the scan return a row the task had deleted,
     * beside the other rows' new values (an erased customer's themes, once, in CustomerErasureIT).
     */
    private KeyValueIterator<K, V> withPending(Function<KeyValueStore<K, V>, KeyValueIterator<K, V>> scan, Predicate<K> inQuery,
                                               boolean reverse) {
        Scan<K, V, KeyValueIterator<K, V>> read = scanWithPending(inQuery, scan);
        Map<K, V> pending = read.pending();
        KeyValueIterator<K, V> beneath = read.beneath();
        if (calledByTask()) {
            return beneath;
        }
        TreeMap<Bytes, KeyValue<K, V>> merged = new TreeMap<>();
        try (beneath) {
            beneath.forEachRemaining(entry -> {
                V now = pending.containsKey(entry.key) ? null : wrapped().get(entry.key);
                if (now != null) {
                    merged.put(bytes(entry.key), KeyValue.pair(entry.key, now));
                }
            });
        }
        pending.forEach((key, value) -> {
            if (value != null) {
                merged.put(bytes(key), KeyValue.pair(key, value));
            }
        });
        return new ListedKeyValues<>(new ArrayList<>(reverse ? merged.descendingMap().values() : merged.values()));
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }
}
