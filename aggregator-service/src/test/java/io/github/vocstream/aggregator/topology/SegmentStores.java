package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/** Every entry of every segment store of a driver, and the check that two drivers' segment stores agree. */
record SegmentStores(Map<String, Map<String, Object>> byStore) {

    static SegmentStores of(AggregatorDriver driver) {
        Map<String, Map<String, Object>> stores = new LinkedHashMap<>();
        for (String name : List.of(AggregatorTopology.SEGMENT_SENTIMENT_STORE, AggregatorTopology.SEGMENT_THEMES_STORE,
                AggregatorTopology.SEGMENT_CANDIDATES_STORE)) {
            stores.put(name, entries(driver.driver.getKeyValueStore(name)));
        }
        for (String name : List.of(AggregatorTopology.TIMELINE_MINUTES_STORE, AggregatorTopology.TIMELINE_HOURS_STORE)) {
            stores.put(name, buckets(driver.driver.getWindowStore(name)));
        }
        return new SegmentStores(stores);
    }

    Map<String, Object> get(String store) {
        return byStore.get(store);
    }

    /**
     * Asserts that these stores hold what {@code never} holds, for a driver that never saw what was taken out: the same
     * segments, themes with their evidence, buckets (score sums to 1e-9), and candidate terms with the same mentions,
     * evidence and decayed counts as of any moment (a candidate's decayed worth is taken back at its own time).
     */
    void assertSameAs(SegmentStores never) {
        for (String store : List.of(AggregatorTopology.SEGMENT_SENTIMENT_STORE, AggregatorTopology.SEGMENT_THEMES_STORE,
                AggregatorTopology.TIMELINE_MINUTES_STORE, AggregatorTopology.TIMELINE_HOURS_STORE)) {
            assertThat(get(store).keySet()).as(store).isEqualTo(never.get(store).keySet());
            // Score sums that took an item back differ from ones that never had it in the last bits only.
            assertThat(get(store)).as(store).usingRecursiveComparison()
                    .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                    .isEqualTo(never.get(store));
        }
        Map<String, Object> candidates = get(AggregatorTopology.SEGMENT_CANDIDATES_STORE);
        assertThat(candidates.keySet()).isEqualTo(never.get(AggregatorTopology.SEGMENT_CANDIDATES_STORE).keySet());
        candidates.forEach((key, value) -> {
            CandidateStats left = (CandidateStats) value;
            CandidateStats other = (CandidateStats) never.get(AggregatorTopology.SEGMENT_CANDIDATES_STORE).get(key);
            assertThat(left.mentions()).as(key).isEqualTo(other.mentions());
            assertThat(left.evidence()).as(key).isEqualTo(other.evidence());
            Instant later = AggregatorDriver.START.plus(Duration.ofHours(3));
            assertThat(left.recentAt(later, Duration.ofHours(1))).as(key).isCloseTo(other.recentAt(later, Duration.ofHours(1)), within(1e-9));
            assertThat(left.baselineAt(later, Duration.ofDays(7))).as(key).isCloseTo(other.baselineAt(later, Duration.ofDays(7)), within(1e-9));
        });
    }

    private static Map<String, Object> entries(KeyValueStore<String, Object> store) {
        Map<String, Object> entries = new LinkedHashMap<>();
        try (KeyValueIterator<String, Object> all = store.all()) {
            all.forEachRemaining(entry -> entries.put(entry.key, entry.value));
        }
        return entries;
    }

    private static Map<String, Object> buckets(WindowStore<String, Object> store) {
        Map<String, Object> buckets = new LinkedHashMap<>();
        try (KeyValueIterator<Windowed<String>, Object> all = store.all()) {
            all.forEachRemaining((KeyValue<Windowed<String>, Object> entry) ->
                    buckets.put(entry.key.key() + "@" + entry.key.window().startTime(), entry.value));
        }
        return buckets;
    }
}
