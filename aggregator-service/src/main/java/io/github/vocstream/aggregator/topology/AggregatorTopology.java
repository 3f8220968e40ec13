package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.Topics;
import io.github.vocstream.common.segment.SegmentKey;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** Turns annotated feedback into per-segment sentiment tables; poison records go to the dead-letter topic. */
public final class AggregatorTopology {

    public static final String SEGMENT_SENTIMENT_STORE = "segment-sentiment";
    public static final String SEEN_FEEDBACK_STORE = "seen-feedback";

    private final Topics topics;

    public AggregatorTopology(Topics topics) {
        this.topics = topics;
    }

    /** Adds the topology to {@code builder} and returns its source stream. */
    public KStream<String, byte[]> addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SEEN_FEEDBACK_STORE), Serdes.String(), Serdes.Long()));

        KStream<String, byte[]> source = builder.stream(topics.annotated().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-annotated"));

        source.processValues(() -> new ParseAnnotated(topics.annotated().valueSerde().deserializer()), Named.as("parse-annotated"))
                .split(Named.as("parsed-"))
                .branch((id, parsed) -> parsed instanceof Parsed.Bad, Branched.withConsumer(bad -> bad
                        .mapValues(parsed -> ((Parsed.Bad) parsed).original(), Named.as("original-bytes"))
                        .to(topics.dlq().name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-dead-letters")),
                        "bad"))
                .defaultBranch(Branched.withConsumer(ok -> countPerSegment(ok
                        .mapValues(parsed -> ((Parsed.Ok) parsed).feedback(), Named.as("parsed-feedback"))), "ok"));
        return source;
    }

    private void countPerSegment(KStream<String, AnnotatedFeedback> feedback) {
        feedback.processValues(() -> new FirstDelivery(SEEN_FEEDBACK_STORE), Named.as("first-delivery"), SEEN_FEEDBACK_STORE)
                .flatMap((id, annotated) -> SegmentKey.of(annotated.feedback()).stream()
                        .map(segment -> KeyValue.pair(segment, SentimentVote.of(annotated)))
                        .toList(), Named.as("explode-segments"))
                .groupByKey(Grouped.with("by-segment", Serdes.String(), JsonSerde.of(SentimentVote.class)))
                .aggregate(SegmentSentiment::empty, (segment, vote, sum) -> sum.add(vote), Named.as("sum-sentiment"),
                        Materialized.<String, SegmentSentiment, KeyValueStore<Bytes, byte[]>>as(SEGMENT_SENTIMENT_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(JsonSerde.of(SegmentSentiment.class)));
    }
}
