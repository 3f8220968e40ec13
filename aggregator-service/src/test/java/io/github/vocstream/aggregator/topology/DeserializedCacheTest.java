package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.kafka.JsonSerde;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows this task wrote are read back as the objects written; anything else reads the store beneath, as before. */
class DeserializedCacheTest {

    record Row(String name, long count) {
    }

    private final AtomicInteger parsed = new AtomicInteger();
    private KeyValueStore<String, Row> store;

    @BeforeEach
    void storeOfTwoRowsKept() {
        JsonSerde<Row> json = JsonSerde.binary(Row.class);
        Deserializer<Row> counting = (topic, data) -> {
            parsed.incrementAndGet();
            return json.deserialize(topic, data);
        };
        Serde<Row> serde = Serdes.serdeFrom(json, counting);
        store = DeserializedCache.around(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("rows"), Serdes.String(), serde)
                .withLoggingDisabled(), 2).build();
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void aRowJustWrittenIsReadWithoutParsingIt() {
        Row row = new Row("delivery", 3);
        store.put("a", row);

        assertThat(store.get("a")).isSameAs(row);
        assertThat(parsed).hasValue(0);
    }

    @Test
    void deletesAndOverwritesAreSeenAtOnce() {
        store.put("a", new Row("delivery", 3));
        store.put("a", new Row("delivery", 4));
        assertThat(store.get("a").count()).isEqualTo(4);

        store.delete("a");
        assertThat(store.get("a")).isNull();
        store.put("b", new Row("refund", 1));
        store.put("b", null);
        assertThat(store.get("b")).isNull();
    }

    @Test
    void beyondItsSizeTheLeastRecentRowIsParsedFromTheStoreAgain() {
        store.put("a", new Row("delivery", 1));
        store.put("b", new Row("refund", 2));
        store.put("c", new Row("staff", 3));

        assertThat(store.get("a")).isEqualTo(new Row("delivery", 1));
        assertThat(parsed).hasValue(1);
        assertThat(store.get("c")).isEqualTo(new Row("staff", 3));
        assertThat(parsed).hasValue(1);
    }

    @Test
    void closingForgetsEveryObjectSoARolledBackTaskReadsOnlyTheStore() {
        store.put("a", new Row("delivery", 1));
        store.close();
        store.init(new MockProcessorContext<Void, Void>().getStateStoreContext(), store);

        // An in-memory store starts empty again, as a wiped one restores only what was committed.
        assertThat(store.get("a")).isNull();
    }
}
