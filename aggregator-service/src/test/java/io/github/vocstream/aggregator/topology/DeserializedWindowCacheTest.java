package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.kafka.JsonSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The current buckets are rewritten as objects and serialised once per commit; ranges by the task see them. */
class DeserializedWindowCacheTest {

    private static final long MINUTE = 60_000;

    private final AtomicInteger serialised = new AtomicInteger();
    private Serde<Long> serde;
    private WindowStore<String, Long> store;

    @BeforeEach
    void storeOfMinutes() {
        JsonSerde<Long> json = JsonSerde.binary(Long.class);
        Serializer<Long> counting = (topic, count) -> {
            serialised.incrementAndGet();
            return json.serialize(topic, count);
        };
        serde = Serdes.serdeFrom(counting, json);
        store = DeserializedWindowCache.around(minutes(), 100).build();
        store.init(new MockProcessorContext<Void, Void>().getStateStoreContext(), store);
    }

    private StoreBuilder<WindowStore<String, Long>> minutes() {
        return Stores.windowStoreBuilder(Stores.inMemoryWindowStore("minutes", Duration.ofHours(1), Duration.ofMinutes(1), false),
                Serdes.String(), serde).withLoggingDisabled();
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

        List<KeyValue<Long, Long>> buckets = firstMinutesOnAnotherThread(store);

        assertThat(buckets).containsExactly(KeyValue.pair(MINUTE, 3L), KeyValue.pair(2 * MINUTE, 4L));
        assertThat(serialised).hasValue(2);
    }

    @Test
    void aBucketWrittenDownWhileAQueryOpensTheStoreIsInTheAnswer() {
        // The stream thread commits right after a query on another thread has opened the store beneath: the bucket
        // is then neither in what the query reads (opened before) nor pending any more. (The order that lost it made
        // SegmentQueryIT's minute timeline come back empty once.)
        List<Runnable> afterOpening = new ArrayList<>();
        WindowStore<String, Long> cache = DeserializedWindowCache.around(new WrappingStoreBuilder<>(minutes(),
                beneath -> new CommitAfterOpening(beneath, afterOpening)), 100).build();
        cache.init(new MockProcessorContext<Void, Void>().getStateStoreContext(), cache);
        cache.put("all", 3L, MINUTE);
        afterOpening.add(((DeserializedWindowCache<String, Long>) cache)::flushCache);

        List<KeyValue<Long, Long>> buckets = firstMinutesOnAnotherThread(cache);

        assertThat(buckets).containsExactly(KeyValue.pair(MINUTE, 3L));
    }

    /** The buckets of "all" in the first three minutes, as a query reads them. */
    private static List<KeyValue<Long, Long>> firstMinutesOnAnotherThread(WindowStore<String, Long> store) {
        return CompletableFuture.supplyAsync(() -> {
            try (WindowStoreIterator<Long> minutes = store.fetch("all", 0, 3 * MINUTE)) {
                List<KeyValue<Long, Long>> all = new ArrayList<>();
                minutes.forEachRemaining(all::add);
                return all;
            }
        }).join();
    }

    /** A store whose range reads run {@code afterOpening} once they have read what they return. */
    private static final class CommitAfterOpening extends WrappedStateStore<WindowStore<String, Long>, String, Long>
            implements WindowStore<String, Long> {

        private final List<Runnable> afterOpening;

        CommitAfterOpening(WindowStore<String, Long> store, List<Runnable> afterOpening) {
            super(store);
            this.afterOpening = afterOpening;
        }

        @Override
        public WindowStoreIterator<Long> fetch(String key, long timeFrom, long timeTo) {
            List<KeyValue<Long, Long>> read = new ArrayList<>();
            try (WindowStoreIterator<Long> buckets = wrapped().fetch(key, timeFrom, timeTo)) {
                buckets.forEachRemaining(read::add);
            }
            afterOpening.forEach(Runnable::run);
            Iterator<KeyValue<Long, Long>> each = read.iterator();
            return new WindowStoreIterator<>() {
                @Override
                public void close() {
                }

                @Override
                public Long peekNextKey() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean hasNext() {
                    return each.hasNext();
                }

                @Override
                public KeyValue<Long, Long> next() {
                    return each.next();
                }
            };
        }

        @Override
        public void put(String key, Long value, long windowStartTimestamp) {
            wrapped().put(key, value, windowStartTimestamp);
        }

        @Override
        public Long fetch(String key, long time) {
            return wrapped().fetch(key, time);
        }

        @Override
        public KeyValueIterator<Windowed<String>, Long> fetch(String keyFrom, String keyTo, long timeFrom, long timeTo) {
            return wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo);
        }

        @Override
        public KeyValueIterator<Windowed<String>, Long> fetchAll(long timeFrom, long timeTo) {
            return wrapped().fetchAll(timeFrom, timeTo);
        }

        @Override
        public KeyValueIterator<Windowed<String>, Long> all() {
            return wrapped().all();
        }
    }

    @Test
    void aRolledBackTaskForgetsItsPendingBuckets() {
        store.put("all", 3L, MINUTE);
        ((DeserializedWindowCache<String, Long>) store).clearCache();

        assertThat(store.fetch("all", MINUTE)).isNull();
    }
}
