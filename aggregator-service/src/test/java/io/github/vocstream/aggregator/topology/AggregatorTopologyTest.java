package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvents;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.Headers;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregatorTopologyTest {

    private static final TopicNames NAMES = new TopicNames("raw", "annotated", "dlq");

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> annotated;
    private TestOutputTopic<String, byte[]> deadLetters;
    private KeyValueStore<String, SegmentSentiment> segments;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        new AggregatorTopology(Topics.named(NAMES)).addTo(builder);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "aggregator-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(properties), properties);
        annotated = driver.createInputTopic("annotated", new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic("dlq", new StringDeserializer(), new ByteArrayDeserializer());
        segments = driver.getKeyValueStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void anEventCountsInEverySegmentItBelongsTo() {
        pipe(feedback("r-1", SentimentLabel.POSITIVE, 0.6, Map.of("region", "EU", "plan", "pro")));
        pipe(feedback("r-2", SentimentLabel.NEGATIVE, -0.4, Map.of("region", "EU")));
        pipe(feedback("r-3", SentimentLabel.NEUTRAL, 0.0, Map.of("region", "US")));

        assertThat(segments.get("all")).isEqualTo(new SegmentSentiment(3, 1, 1, 1, 0.6 - 0.4, at("r-3")));
        assertThat(segments.get("channel:review").count()).isEqualTo(3);
        assertThat(segments.get("source:trustpilot").count()).isEqualTo(3);
        assertThat(segments.get("region:EU")).isEqualTo(new SegmentSentiment(2, 1, 0, 1, 0.6 - 0.4, at("r-2")));
        assertThat(segments.get("region:US").neutral()).isEqualTo(1);
        assertThat(segments.get("plan:pro").positive()).isEqualTo(1);
        assertThat(segments.get("plan:basic")).isNull();
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        AnnotatedFeedback first = feedback("r-1", SentimentLabel.POSITIVE, 0.5, Map.of("region", "EU"));

        pipe(first);
        pipe(first);
        pipe(feedback("r-1", SentimentLabel.NEGATIVE, -0.5, Map.of("region", "EU")));

        assertThat(segments.get("all").count()).isEqualTo(1);
        assertThat(segments.get("region:EU")).isEqualTo(new SegmentSentiment(1, 0, 0, 1, 0.5, at("r-1")));
    }

    @Test
    void corruptRecordGoesToDeadLetterTopicAndCountsNowhere() {
        annotated.pipeInput("trustpilot:bad", "{\"not\":".getBytes(StandardCharsets.UTF_8));
        pipe(feedback("r-1", SentimentLabel.POSITIVE, 0.5, Map.of()));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("trustpilot:bad");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"not\":");
        assertThat(header(dead, Headers.DLQ_REASON)).isEqualTo("value is not annotated feedback");
        assertThat(header(dead, Headers.DLQ_SERVICE)).isEqualTo("aggregator-service");
        assertThat(header(dead, Headers.DLQ_SOURCE)).isEqualTo("annotated-0@0");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(segments.get("all").count()).isEqualTo(1);
    }

    @Test
    void aRecordKeyedOtherThanByItsIdIsADeadLetter() {
        AnnotatedFeedback feedback = feedback("r-1", SentimentLabel.POSITIVE, 0.5, Map.of());

        annotated.pipeInput("some-other-key", JsonSerde.of(AnnotatedFeedback.class).serialize("annotated", feedback));

        assertThat(header(deadLetters.readRecord(), Headers.DLQ_REASON)).isEqualTo("record key does not match the feedback id");
        assertThat(segments.get("all")).isNull();
    }

    @Test
    void noStoreOrTopicNameIsGenerated() {
        StreamsBuilder builder = new StreamsBuilder();
        new AggregatorTopology(Topics.named(NAMES)).addTo(builder);

        assertThat(builder.build().describe().toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }

    private void pipe(AnnotatedFeedback feedback) {
        annotated.pipeInput(feedback.id(), JsonSerde.of(AnnotatedFeedback.class).serialize("annotated", feedback));
    }

    private static AnnotatedFeedback feedback(String externalId, SentimentLabel label, double score, Map<String, String> segments) {
        var event = FeedbackEvents.review(externalId, "text of " + externalId, segments);
        var received = at(externalId);
        event = new io.github.vocstream.common.event.FeedbackEvent(event.schemaVersion(), event.id(), event.source(),
                event.externalId(), event.channel(), event.text(), null, null, null, null, received, received, segments);
        return new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION, event, new DocumentSentiment(label, score), List.of(), List.of(),
                received.plusSeconds(1));
    }

    /** Each test item arrives at its own second, in the order of its number. */
    private static Instant at(String externalId) {
        return Instant.parse("2026-11-20T10:00:00Z").plusSeconds(Long.parseLong(externalId.substring(2)));
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
