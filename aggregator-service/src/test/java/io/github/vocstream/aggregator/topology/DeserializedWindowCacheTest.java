package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.kafka.JsonSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The current buckets are rewritten as objects and serialised once per commit; ranges by the task see them. */
class DeserializedWindowCacheTest {

    private static final long MINUTE = 60_000;

    private final AtomicInteger serialised = new AtomicInteger();
    private WindowStore<String, Long> store;

    @BeforeEach
    void storeOfMinutes() {
        JsonSerde<Long> json = JsonSerde.binary(Long.class);
        Serializer<Long> counting = (topic, count) -> {
            serialised.incrementAndGet();
            return json.serialize(topic, count);
        };
        Serde<Long> serde = Serdes.serdeFrom(counting, json);
        store = DeserializedWindowCache.around(Stores.windowStoreBuilder(Stores.inMemoryWindowStore("minutes",
                        Duration.ofHours(1), Duration.ofMinutes(1), false), Serdes.String(), serde).withLoggingDisabled(), 100)
                .build();
        store.init(new MockProcessorContext<Void, Void>().getStateStoreContext(), store);
    }

    @Test
    void aBucketCountedItemAfterItemIsSerialisedOnceAtTheCommit() {
        for (int item = 0; item < 10; item++) {
            Long known = store.fetch("all", MINUTE);
            store.put("all", known == null ? 1 : known + 1, MINUTE);
        }
        assertThat(store.fetch("all", MINUTE)).isEqualTo(10);
        assertThat(CompletableFuture.supplyAsync(() -> store.fetch("all", MINUTE)).join()).isEqualTo(10);
        assertThat(serialised).hasValue(0);

        ((DeserializedWindowCache<String, Long>) store).flushCache();

        assertThat(serialised).hasValue(1);
        assertThat(CompletableFuture.supplyAsync(() -> store.fetch("all", MINUTE)).join()).isEqualTo(10);
    }

    @Test
    void aRangeReadByTheTaskSeesItsPendingBuckets() {
        store.put("all", 3L, MINUTE);
        store.put("all", 4L, 2 * MINUTE);

        try (WindowStoreIterator<Long> minutes = store.fetch("all", 0, 3 * MINUTE)) {
            assertThat(minutes).toIterable().containsExactly(KeyValue.pair(MINUTE, 3L), KeyValue.pair(2 * MINUTE, 4L));
        }
    }

    @Test
    void aQueryOnAnotherThreadSeesPendingBucketsOverTheWrittenOnes() {
        store.put("all", 3L, MINUTE);
        store.put("all", 5L, 3 * MINUTE);
        ((DeserializedWindowCache<String, Long>) store).flushCache();
        store.put("all", 4L, 2 * MINUTE);
        store.put("all", null, 3 * MINUTE);
        store.put("other", 9L, 2 * MINUTE);

        List<KeyValue<Long, Long>> buckets = CompletableFuture.supplyAsync(() -> {
            try (WindowStoreIterator<Long> minutes = store.fetch("all", 0, 3 * MINUTE)) {
                List<KeyValue<Long, Long>> all = new ArrayList<>();
                minutes.forEachRemaining(all::add);
                return all;
            }
        }).join();

        assertThat(buckets).containsExactly(KeyValue.pair(MINUTE, 3L), KeyValue.pair(2 * MINUTE, 4L));
        assertThat(serialised).hasValue(2);
    }

    @Test
    void aRolledBackTaskForgetsItsPendingBuckets() {
        store.put("all", 3L, MINUTE);
        ((DeserializedWindowCache<String, Long>) store).clearCache();

        assertThat(store.fetch("all", MINUTE)).isNull();
    }
}
