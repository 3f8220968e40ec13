package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.Headers;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregatorTopologyTest {

    private AggregatorDriver driver;
    private TestOutputTopic<String, byte[]> deadLetters;
    private KeyValueStore<String, SegmentSentiment> segments;

    @BeforeEach
    void startDriver() {
        driver = new AggregatorDriver(AggregatorConfiguration.defaults());
        deadLetters = driver.deadLetters;
        segments = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
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
        driver.annotated.pipeInput("trustpilot:bad", "{\"not\":".getBytes(StandardCharsets.UTF_8));
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

        driver.annotated.pipeInput("some-other-key", JsonSerde.of(AnnotatedFeedback.class).serialize("annotated", feedback));

        assertThat(header(deadLetters.readRecord(), Headers.DLQ_REASON)).isEqualTo("record key does not match the feedback id");
        assertThat(segments.get("all")).isNull();
    }

    @Test
    void noStoreOrTopicNameIsGenerated() {
        StreamsBuilder builder = new StreamsBuilder();
        new AggregatorTopology(Topics.named(AggregatorDriver.NAMES), AggregatorConfiguration.defaults(), AlertSettings.defaults(),
                Personas.none(), RatingScales.defaults()).addTo(builder);

        assertThat(builder.build().describe().toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }

    private void pipe(AnnotatedFeedback feedback) {
        driver.pipe(feedback);
    }

    private static AnnotatedFeedback feedback(String externalId, SentimentLabel label, double score, Map<String, String> segments) {
        return AnnotatedFeedbacks.feedback(externalId, at(externalId).minusSeconds(1), label, score, segments);
    }

    /** Each test item arrives at its own second, in the order of its number. */
    private static Instant at(String externalId) {
        return Instant.parse("2026-11-20T10:00:00Z").plusSeconds(Long.parseLong(externalId.substring(2)));
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
