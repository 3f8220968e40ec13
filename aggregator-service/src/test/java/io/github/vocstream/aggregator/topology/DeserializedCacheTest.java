package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.kafka.JsonSerde;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows the task writes are kept as objects and serialised into the store beneath once, when Streams flushes before
 * a commit; every reader sees them at once, queries on other threads with the pending rows laid over the store.
 */
class DeserializedCacheTest {

    record Row(String name, long count) {
    }

    private final AtomicInteger parsed = new AtomicInteger();
    private final AtomicInteger serialised = new AtomicInteger();
    private KeyValueStore<String, Row> store;

    @BeforeEach
    void storeOfThreeRowsKept() {
        JsonSerde<Row> json = JsonSerde.binary(Row.class);
        Deserializer<Row> countingReads = (topic, data) -> {
            parsed.incrementAndGet();
            return json.deserialize(topic, data);
        };
        Serializer<Row> countingWrites = (topic, row) -> {
            if (row != null) {
                serialised.incrementAndGet();
            }
            return json.serialize(topic, row);
        };
        Serde<Row> serde = Serdes.serdeFrom(countingWrites, countingReads);
        store = DeserializedCache.around(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("rows"), Serdes.String(), serde)
                .withLoggingDisabled(), 3, Serdes.String().serializer()).build();
        store.init(new MockProcessorContext<Void, Void>().getStateStoreContext(), store);
    }

    @Test
    void aRowRewrittenByItemAfterItemIsSerialisedOnceAtTheCommit() {
        Row last = null;
        for (int count = 1; count <= 5; count++) {
            Row known = store.get("a");
            last = new Row("delivery", known == null ? 1 : known.count() + 1);
            store.put("a", last);
        }
        assertThat(store.get("a")).isSameAs(last);
        assertThat(readByAnotherThread("a")).isSameAs(last);
        assertThat(serialised).hasValue(0);
        assertThat(parsed).hasValue(0);

        ((DeserializedCache<String, Row>) store).flushCache();

        assertThat(serialised).hasValue(1);
        assertThat(readByAnotherThread("a")).isEqualTo(new Row("delivery", 5));
    }

    @Test
    void queriesFromOtherThreadsSeeWritesAtOnceWithoutWritingThemDown() {
        store.put("a", new Row("delivery", 1));
        store.put("c", new Row("staff", 3));
        ((DeserializedCache<String, Row>) store).flushCache();
        store.put("b", new Row("refund", 2));
        store.put("c", null);

        assertThat(readByAnotherThread("b")).isEqualTo(new Row("refund", 2));
        assertThat(scanByAnotherThread(store::all)).containsExactly(KeyValue.pair("a", new Row("delivery", 1)),
                KeyValue.pair("b", new Row("refund", 2)));
        assertThat(serialised).hasValue(2);
    }

    @Test
    void aPrefixScanOnAnotherThreadSeesOnlyPendingRowsWithThePrefix() {
        store.put("x:1", new Row("delivery", 1));
        ((DeserializedCache<String, Row>) store).flushCache();
        store.put("x:2", new Row("refund", 2));
        store.put("y:1", new Row("staff", 3));

        assertThat(scanByAnotherThread(() -> store.prefixScan("x:", Serdes.String().serializer())))
                .containsExactly(KeyValue.pair("x:1", new Row("delivery", 1)), KeyValue.pair("x:2", new Row("refund", 2)));
    }

    @Test
    void aScanByTheTaskSeesItsOwnWrites() {
        store.put("a", new Row("delivery", 1));
        store.put("a", null);
        store.put("b", new Row("refund", 2));

        try (KeyValueIterator<String, Row> all = store.all()) {
            assertThat(all).toIterable().containsExactly(KeyValue.pair("b", new Row("refund", 2)));
        }
    }

    @Test
    void deletesAndOverwritesAreSeenAtOnce() {
        store.put("a", new Row("delivery", 3));
        store.put("a", new Row("delivery", 4));
        assertThat(store.get("a").count()).isEqualTo(4);

        assertThat(store.delete("a")).isEqualTo(new Row("delivery", 4));
        assertThat(store.get("a")).isNull();
        assertThat(store.putIfAbsent("b", new Row("refund", 1))).isNull();
        assertThat(store.putIfAbsent("b", new Row("refund", 9))).isEqualTo(new Row("refund", 1));
        ((DeserializedCache<String, Row>) store).flushCache();
        assertThat(readByAnotherThread("a")).isNull();
        assertThat(readByAnotherThread("b")).isEqualTo(new Row("refund", 1));
        assertThat(serialised).hasValue(1);
    }

    @Test
    void asManyPendingRowsAsItKeepsAreWrittenDownWithoutWaitingForTheCommit() {
        store.put("a", new Row("delivery", 1));
        store.put("b", new Row("refund", 2));
        assertThat(serialised).hasValue(0);
        store.put("c", new Row("staff", 3));

        assertThat(serialised).hasValue(3);
    }

    @Test
    void aRolledBackTaskForgetsItsPendingWrites() {
        store.put("a", new Row("delivery", 1));
        ((DeserializedCache<String, Row>) store).flushCache();
        store.put("a", new Row("delivery", 2));

        ((DeserializedCache<String, Row>) store).clearCache();

        assertThat(store.get("a")).isEqualTo(new Row("delivery", 1));
    }

    @Test
    void closingForgetsEveryObjectSoARolledBackTaskReadsOnlyTheStore() {
        store.put("a", new Row("delivery", 1));
        store.close();
        store.init(new MockProcessorContext<Void, Void>().getStateStoreContext(), store);

        // An in-memory store starts empty again, as a wiped one restores only what was committed.
        assertThat(store.get("a")).isNull();
    }

    /**
     * A query on another thread opens a scan just after the task wrote a delete down into Streams' record cache (as
     * many rows pending as the layer keeps) and reads it on after the commit's flush. The cache looks the delete up
     * only as the scan reaches the row, after the flush has dropped it, and the store iterator beneath was opened
     * before the flush: read as it came, the deleted row was back beside the other row's new value (an erased
     * customer's themes, once, in CustomerErasureIT). The driver gives the store Streams' real cache, which a
     * {@link MockProcessorContext} cannot.
     */
    @Test
    void aQueryNeverReadsARowBackThatTheTaskDeletedWhenACommitFlushesDuringItsScan(@TempDir Path stateDirectory) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(DeserializedCache.around(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("rows"),
                Serdes.String(), Serdes.Long()).withCachingEnabled(), 2, Serdes.String().serializer()));
        ExecutorService query = Executors.newSingleThreadExecutor();
        List<DeserializedCache<String, Long>> layer = new ArrayList<>();
        List<List<KeyValue<String, Long>>> answers = new ArrayList<>();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String())).process(() -> new Processor<String, String, Void, Void>() {
            private KeyValueStore<String, Long> rows;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                rows = context.getStateStore("rows");
            }

            @Override
            public void process(Record<String, String> record) {
                rows.put("a", record.value().equals("first") ? 1L : 2L);
                rows.put("b", record.value().equals("first") ? 1L : null);
                if (record.value().equals("second")) {
                    try {
                        KeyValueIterator<String, Long> scan = query.submit(() -> layer.get(0).all()).get();
                        layer.get(0).flushCache();
                        answers.add(query.submit(() -> readAll(scan)).get());
                    } catch (InterruptedException | ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }, "rows");
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "deserialized-cache-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), properties)) {
            layer.add((DeserializedCache<String, Long>) driver.<String, Long>getKeyValueStore("rows"));
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            in.pipeInput("first");
            in.pipeInput("second");
        } finally {
            query.shutdownNow();
        }

        assertThat(answers).containsExactly(List.of(KeyValue.pair("a", 2L)));
    }

    private Row readByAnotherThread(String key) {
        return CompletableFuture.supplyAsync(() -> store.get(key)).join();
    }

    private static List<KeyValue<String, Row>> scanByAnotherThread(Supplier<KeyValueIterator<String, Row>> scan) {
        return CompletableFuture.supplyAsync(() -> readAll(scan.get())).join();
    }

    private static <V> List<KeyValue<String, V>> readAll(KeyValueIterator<String, V> scan) {
        try (scan) {
            List<KeyValue<String, V>> all = new ArrayList<>();
            scan.forEachRemaining(all::add);
            return all;
        }
    }
}
