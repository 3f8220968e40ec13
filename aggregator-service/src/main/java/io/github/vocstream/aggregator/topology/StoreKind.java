package io.github.vocstream.aggregator.topology;

import java.time.Duration;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Where the topology keeps its stores: on disk (RocksDB), as the service does, or in memory, for tests that push weeks
 * of feedback through a TopologyTestDriver, which flushes every store after every record (RocksDB then writes a file
 * each time: 50 ms a record).
 */
public enum StoreKind {
    PERSISTENT, IN_MEMORY;

    KeyValueBytesStoreSupplier keyValue(String name) {
        return this == PERSISTENT ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }

    WindowBytesStoreSupplier window(String name, Duration retention, Duration size) {
        return this == PERSISTENT ? Stores.persistentWindowStore(name, retention, size, false)
                : Stores.inMemoryWindowStore(name, retention, size, false);
    }
}
