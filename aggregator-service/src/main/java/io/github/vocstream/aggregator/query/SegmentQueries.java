package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.AggregatorTopology;
import io.github.vocstream.aggregator.topology.SegmentSentiment;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

/** Reads the segment store of this instance, and knows which instance holds any other segment. */
@Singleton
public class SegmentQueries {

    private final KafkaStreams streams;
    private final HostInfo self;

    public SegmentQueries(KafkaStreams streams, @Value("${kafka.streams.default.application.server}") String applicationServer) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    public Lookup lookup(String segment) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new Lookup.NotReady("the aggregator is " + streams.state().name().toLowerCase(Locale.ROOT));
        }
        KeyQueryMetadata metadata = streams.queryMetadataForKey(AggregatorTopology.SEGMENT_SENTIMENT_STORE, segment,
                Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Lookup.NotReady("no instance holds the segment store yet");
        }
        if (!self.equals(metadata.activeHost())) {
            return new Lookup.OnInstance(metadata.activeHost());
        }
        try {
            SegmentSentiment sentiment = store().get(segment);
            return sentiment == null ? new Lookup.Missing() : new Lookup.Found(sentiment);
        } catch (InvalidStateStoreException e) {
            return new Lookup.NotReady("the segment store is being rebalanced");
        }
    }

    /** The segments held here, or empty while the store cannot be read. */
    public Optional<List<SegmentView>> localSegments() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        try (KeyValueIterator<String, SegmentSentiment> all = store().all()) {
            List<SegmentView> segments = new ArrayList<>();
            while (all.hasNext()) {
                KeyValue<String, SegmentSentiment> entry = all.next();
                segments.add(SegmentView.of(entry.key, entry.value));
            }
            return Optional.of(segments);
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /** The other instances that hold part of the segment store. */
    public List<HostInfo> otherInstances() {
        return streams.streamsMetadataForStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE).stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self))
                .distinct()
                .toList();
    }

    private ReadOnlyKeyValueStore<String, SegmentSentiment> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(AggregatorTopology.SEGMENT_SENTIMENT_STORE,
                QueryableStoreTypes.keyValueStore()));
    }
}
