package io.github.vocstream.aggregator.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.ProcessorContext;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store that keeps the values it last read or wrote as objects, in front of the store Streams builds.
 * Streams' own cache holds bytes, so every read of a hot row (the theme rows of {@code all}, read and rewritten by
 * item after item) parsed it again; here a read of a row this task wrote is a map lookup. Writes go straight
 * through to the store beneath, so its record cache, changelog and commit work exactly as without this layer: the
 * objects only mirror what is written there. They are dropped whenever the store is closed, which is also what
 * Streams does to a task whose transaction aborted, and with the task's record cache when Streams clears it, so
 * nothing uncommitted outlives a rollback. It is a {@link WrappedStateStore}, as Streams' own layers are: before each
 * commit Streams flushes the record caches of the layers it can see to the changelog, and a layer it cannot see
 * through would hold those writes back past the commit (the crash tier lost theme counts that way).
 *
 * <p>The values must be immutable (the stores' records are). Reads from interactive queries come from other threads,
 * hence the lock; ranges and scans read the store beneath, which holds the same values.
 */
final class DeserializedCache<K, V> extends WrappedStateStore<KeyValueStore<K, V>, K, V> implements KeyValueStore<K, V> {

    private final Map<K, V> recent;

    private DeserializedCache(KeyValueStore<K, V> store, int maxEntries) {
        super(store);
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** {@code builder}'s store with up to {@code maxEntries} values per task kept as objects. */
    static <K, V> StoreBuilder<KeyValueStore<K, V>> around(StoreBuilder<KeyValueStore<K, V>> builder, int maxEntries) {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
                builder.withCachingEnabled();
                return this;
            }

            @Override
            public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
                builder.withCachingDisabled();
                return this;
            }

            @Override
            public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
                builder.withLoggingEnabled(config);
                return this;
            }

            @Override
            public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
                builder.withLoggingDisabled();
                return this;
            }

            @Override
            public KeyValueStore<K, V> build() {
                return new DeserializedCache<>(builder.build(), maxEntries);
            }

            @Override
            public Map<String, String> logConfig() {
                return builder.logConfig();
            }

            @Override
            public boolean loggingEnabled() {
                return builder.loggingEnabled();
            }

            @Override
            public String name() {
                return builder.name();
            }
        };
    }

    @Override
    public V get(K key) {
        synchronized (recent) {
            V kept = recent.get(key);
            if (kept != null) {
                return kept;
            }
        }
        V value = wrapped().get(key);
        if (value != null) {
            synchronized (recent) {
                recent.put(key, value);
            }
        }
        return value;
    }

    @Override
    public void put(K key, V value) {
        wrapped().put(key, value);
        keep(key, value);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V before = wrapped().putIfAbsent(key, value);
        if (before == null) {
            keep(key, value);
        }
        return before;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        wrapped().putAll(entries);
        entries.forEach(entry -> keep(entry.key, entry.value));
    }

    @Override
    public V delete(K key) {
        synchronized (recent) {
            recent.remove(key);
        }
        return wrapped().delete(key);
    }

    private void keep(K key, V value) {
        synchronized (recent) {
            if (value == null) {
                recent.remove(key);
            } else {
                recent.put(key, value);
            }
        }
    }

    private void forgetAll() {
        synchronized (recent) {
            recent.clear();
        }
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    @Override
    @SuppressWarnings("deprecation")
    public void init(ProcessorContext context, StateStore root) {
        forgetAll();
        super.init(context, root);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        forgetAll();
        super.init(context, root);
    }

    /** Streams drops a task's uncommitted cache when it rolls the task back: the objects go with it. */
    @Override
    public void clearCache() {
        forgetAll();
        super.clearCache();
    }

    @Override
    public void close() {
        forgetAll();
        super.close();
    }
}
