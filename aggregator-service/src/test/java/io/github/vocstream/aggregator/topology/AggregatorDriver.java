package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.event.Alert;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.Erasure;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;

/** The aggregator topology in a TopologyTestDriver, and annotated feedback to feed it. */
final class AggregatorDriver implements AutoCloseable {

    static final TopicNames NAMES = new TopicNames("raw", "annotated", "dlq", "alerts");
    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> annotated;
    final TestOutputTopic<String, byte[]> deadLetters;
    final TestOutputTopic<String, Alert> alerts;
    final TestInputTopic<String, Erasure> erasures;
    /** What the topology writes to the raw and annotated topics: retractions of erased customers' items. */
    final TestOutputTopic<String, byte[]> rawOut;
    final TestOutputTopic<String, byte[]> annotatedOut;
    private final TestInputTopic<String, SegmentDelta> bySegment;

    AggregatorDriver(AggregatorConfiguration configuration) {
        this(configuration, AlertSettings.defaults(), Personas.none());
    }

    /** With the stores in memory: the driver flushes them after every record, which costs RocksDB a file each time. */
    AggregatorDriver(AggregatorConfiguration configuration, AlertSettings alertSettings, Personas personas) {
        this(configuration, alertSettings, personas, RatingScales.defaults());
    }

    AggregatorDriver(AggregatorConfiguration configuration, AlertSettings alertSettings, Personas personas,
                     RatingScales ratingScales) {
        StreamsBuilder builder = new StreamsBuilder();
        new AggregatorTopology(Topics.named(NAMES), configuration, alertSettings, personas, ratingScales, StoreKind.IN_MEMORY)
                .addTo(builder);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "aggregator-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(properties), properties);
        annotated = driver.createInputTopic("annotated", new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic("dlq", new StringDeserializer(), new ByteArrayDeserializer());
        alerts = driver.createOutputTopic("alerts", new StringDeserializer(), JsonSerde.of(Alert.class).deserializer());
        erasures = driver.createInputTopic(NAMES.erasures(), new StringSerializer(), JsonSerde.of(Erasure.class).serializer());
        rawOut = driver.createOutputTopic("raw", new StringDeserializer(), new ByteArrayDeserializer());
        annotatedOut = driver.createOutputTopic("annotated", new StringDeserializer(), new ByteArrayDeserializer());
        bySegment = driver.createInputTopic("aggregator-test" + AggregatorTopology.BY_SEGMENT_TOPIC_SUFFIX, new StringSerializer(),
                new SegmentDeltaSerde(configuration).serializer());
    }

    /**
     * Sends {@code erasure}, then what the topology wrote to the annotated topic back in, as the broker would hand it
     * to the topology's own source; returns those records.
     */
    List<TestRecord<String, byte[]>> erase(Erasure erasure) {
        erasures.pipeInput(erasure.id(), erasure, erasure.requestedAt());
        return feedBack();
    }

    /** Pipes what the topology wrote to the annotated topic back into it; returns those records. */
    List<TestRecord<String, byte[]>> feedBack() {
        List<TestRecord<String, byte[]>> written = annotatedOut.readRecordsToList();
        written.forEach(record -> annotated.pipeInput(record));
        return written;
    }

    /**
     * Sends {@code feedback} stamped, as the sentiment service would, with the time it was annotated. The driver
     * commits after every record, so the first step sends on what it changed at once.
     */
    void pipe(AnnotatedFeedback feedback) {
        annotated.pipeInput(feedback.id(), JsonSerde.of(AnnotatedFeedback.class).serialize("annotated", feedback),
                feedback.annotatedAt());
    }

    /** Sends the retraction of {@code feedbackId}, as the sentiment service passes it on: no value, stamped {@code at}. */
    void retract(String feedbackId, Instant at) {
        annotated.pipeInput(feedbackId, null, at);
    }

    /** Sends what a first step sent ({@link FirstStep}) to the second step, by segment. */
    void pipeDeltas(List<Record<String, SegmentDelta>> deltas) {
        deltas.forEach(delta -> bySegment.pipeInput(delta.key(), delta.value(), delta.timestamp()));
    }

    @Override
    public void close() {
        driver.close();
    }
}
