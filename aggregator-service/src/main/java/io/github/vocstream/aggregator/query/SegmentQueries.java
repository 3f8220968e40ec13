package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.AggregatorTopology;
import io.github.vocstream.aggregator.topology.CandidateStats;
import io.github.vocstream.aggregator.topology.EmergingIndex;
import io.github.vocstream.aggregator.topology.SegmentSentiment;
import io.github.vocstream.aggregator.topology.StoreKeys;
import io.github.vocstream.aggregator.topology.Tally;
import io.github.vocstream.aggregator.topology.ThemeStats;
import io.github.vocstream.common.event.Alert;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Knows which instance holds a segment, and reads this instance's stores. The readers of one segment's stores are
 * meant to run inside {@link #inSegment}, which turns a store that cannot be read right now (a rebalance) into
 * {@link Lookup.NotYetAvailable}.
 */
@Singleton
public class SegmentQueries {

    private final KafkaStreams streams;
    private final HostInfo self;

    public SegmentQueries(KafkaStreams streams, @Value("${kafka.streams.default.application.server}") String applicationServer) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    public Placement placementOf(String segment) {
        // All stores of a segment share its partition, so the sentiment store's metadata places every one of them.
        return Placement.of(streams, self, AggregatorTopology.SEGMENT_SENTIMENT_STORE, segment, "the segment stores");
    }

    /** The answer of {@code here} if this instance holds {@code segment}, else where it is or why no one can answer. */
    public <T> Lookup<T> inSegment(String segment, Supplier<Lookup<T>> here) {
        return placementOf(segment).lookup(here);
    }

    /** The answer for a segment in which nothing has been counted. */
    public static <T> Lookup<T> notCounted(String segment) {
        return Lookup.missing("no feedback has been counted in segment '" + segment + "'");
    }

    /** The segment's totals, or missing when nothing has been counted in it. */
    public Lookup<SegmentSentiment> counted(String segment) {
        return sentiment(segment).<Lookup<SegmentSentiment>>map(Lookup::found).orElseGet(() -> notCounted(segment));
    }

    public Optional<SegmentSentiment> sentiment(String segment) {
        return Optional.ofNullable(this.<SegmentSentiment>segmentStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE, segment).get(segment));
    }

    /** Every theme counted in {@code segment}, by theme id. */
    public Map<String, ThemeStats> themes(String segment) {
        return prefixScan(AggregatorTopology.SEGMENT_THEMES_STORE, segment);
    }

    public Optional<ThemeStats> theme(String segment, String theme) {
        return Optional.ofNullable(this.<ThemeStats>segmentStore(AggregatorTopology.SEGMENT_THEMES_STORE, segment)
                .get(StoreKeys.of(segment, theme)));
    }

    /** Every candidate term seen in {@code segment}, by term. */
    public Map<String, CandidateStats> candidates(String segment) {
        return prefixScan(AggregatorTopology.SEGMENT_CANDIDATES_STORE, segment);
    }

    /** The segment's emerging-term index, or empty when it has no candidate terms. */
    public Optional<EmergingIndex> emergingIndex(String segment) {
        return Optional.ofNullable(this.<EmergingIndex>segmentStore(AggregatorTopology.SEGMENT_EMERGING_STORE, segment).get(segment));
    }

    /** The given candidate terms of the segment that it still has. */
    public Map<String, CandidateStats> candidates(String segment, List<String> terms) {
        ReadOnlyKeyValueStore<String, CandidateStats> store = segmentStore(AggregatorTopology.SEGMENT_CANDIDATES_STORE, segment);
        Map<String, CandidateStats> found = new LinkedHashMap<>();
        for (String term : terms) {
            CandidateStats stats = store.get(StoreKeys.of(segment, term));
            if (stats != null) {
                found.put(term, stats);
            }
        }
        return found;
    }

    /** The non-empty buckets of {@code key} (the segment's, or one of its themes') within {@code [from, to]}, oldest first. */
    public Map<Instant, Tally> timeline(String store, String segment, String key, Instant from, Instant to) {
        ReadOnlyWindowStore<String, Tally> windows = streams.store(
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, Tally>windowStore())
                        .withPartition(partitionOf(segment)));
        Map<Instant, Tally> buckets = new LinkedHashMap<>();
        try (WindowStoreIterator<Tally> iterator = windows.fetch(key, from, to)) {
            iterator.forEachRemaining(bucket -> buckets.put(Instant.ofEpochMilli(bucket.key), bucket.value));
        }
        return buckets;
    }

    /**
     * The segments held here, or empty while any of the partitions assigned here cannot be read (still restoring after a
     * rebalance): a list without them would be a wrong answer, not a late one.
     */
    public Optional<Map<String, SegmentSentiment>> localSegments() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        Map<String, SegmentSentiment> segments = new LinkedHashMap<>();
        try {
            for (int partition : localSegmentPartitions()) {
                ReadOnlyKeyValueStore<String, SegmentSentiment> store = streams.store(StoreQueryParameters.fromNameAndType(
                        AggregatorTopology.SEGMENT_SENTIMENT_STORE, QueryableStoreTypes.<String, SegmentSentiment>keyValueStore())
                        .withPartition(partition));
                try (KeyValueIterator<String, SegmentSentiment> all = store.all()) {
                    all.forEachRemaining(entry -> segments.put(entry.key, entry.value));
                }
            }
            return Optional.of(segments);
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /** The partitions of the segment stores this instance is the active host of. */
    private List<Integer> localSegmentPartitions() {
        return streams.streamsMetadataForStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE).stream()
                .filter(metadata -> metadata.hostInfo().equals(self))
                .flatMap(metadata -> metadata.topicPartitions().stream())
                .filter(partition -> partition.topic().endsWith(AggregatorTopology.BY_SEGMENT_TOPIC_SUFFIX))
                .map(TopicPartition::partition)
                .distinct()
                .toList();
    }

    /** Every alert, from this instance's copy of the alerts topic; empty while it cannot be read. */
    public Optional<List<Alert>> alerts() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        try (KeyValueIterator<String, Alert> all = this.<Alert>keyValueStore(AggregatorTopology.ALERTS_STORE).all()) {
            List<Alert> alerts = new ArrayList<>();
            all.forEachRemaining(entry -> alerts.add(entry.value));
            return Optional.of(alerts);
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /** The other instances that hold part of the segment stores. */
    public List<HostInfo> otherInstances() {
        return streams.streamsMetadataForStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE).stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self))
                .distinct()
                .toList();
    }

    private <V> Map<String, V> prefixScan(String store, String segment) {
        Map<String, V> entries = new LinkedHashMap<>();
        try (KeyValueIterator<String, V> iterator = this.<V>segmentStore(store, segment)
                .prefixScan(StoreKeys.prefixOf(segment), Serdes.String().serializer())) {
            while (iterator.hasNext()) {
                KeyValue<String, V> entry = iterator.next();
                entries.put(StoreKeys.partOf(entry.key), entry.value);
            }
        }
        return entries;
    }

    /**
     * The store of the one task that holds {@code segment}. Asking all local stores instead would read a task assigned
     * here that is still restoring as empty, and answer 404 where the truth is "ask again shortly".
     */
    private <V> ReadOnlyKeyValueStore<String, V> segmentStore(String name, String segment) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partitionOf(segment)));
    }

    private int partitionOf(String segment) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(AggregatorTopology.SEGMENT_SENTIMENT_STORE, segment,
                Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new InvalidStateStoreException("no instance holds segment " + segment + " yet");
        }
        return metadata.partition();
    }

    private <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

}
