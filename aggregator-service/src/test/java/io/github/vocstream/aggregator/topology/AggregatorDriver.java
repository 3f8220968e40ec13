package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackEvents;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemePath;
import io.github.vocstream.common.event.ThemeSentiment;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.Topics;
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

/** The aggregator topology in a TopologyTestDriver, and annotated feedback to feed it. */
final class AggregatorDriver implements AutoCloseable {

    static final TopicNames NAMES = new TopicNames("raw", "annotated", "dlq");
    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> annotated;
    final TestOutputTopic<String, byte[]> deadLetters;

    AggregatorDriver(AggregatorConfiguration configuration) {
        StreamsBuilder builder = new StreamsBuilder();
        new AggregatorTopology(Topics.named(NAMES), configuration).addTo(builder);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "aggregator-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(properties), properties);
        annotated = driver.createInputTopic("annotated", new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic("dlq", new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Sends {@code feedback} stamped, as the sentiment service would, with the time it was annotated. */
    void pipe(AnnotatedFeedback feedback) {
        annotated.pipeInput(feedback.id(), JsonSerde.of(AnnotatedFeedback.class).serialize("annotated", feedback),
                feedback.annotatedAt());
    }

    @Override
    public void close() {
        driver.close();
    }

    /** Feedback written at {@code occurredAt}, received a second later, with one sentence and no themes. */
    static AnnotatedFeedback feedback(String externalId, Instant occurredAt, SentimentLabel label, double score,
                                      Map<String, String> segments) {
        return annotated(event(externalId, "text of " + externalId, occurredAt, segments), label, score, List.of(), List.of());
    }

    /**
     * Feedback whose one sentence mentions {@code theme} with the given sentiment; the document has the same. The text
     * is "About <theme>: <externalId>.", and {@code candidates} are its candidate terms.
     */
    static AnnotatedFeedback aboutTheme(String externalId, Instant occurredAt, String theme, SentimentLabel label,
                                        double score, Map<String, String> segments, String... candidates) {
        String text = "About " + theme + ": " + externalId + ".";
        var mention = new ThemeMention(theme, 6, 6 + theme.length(), label, score);
        var sentence = new SentenceSentiment(0, text.length(), label == SentimentLabel.NEGATIVE ? 1 : 3,
                List.of(0.2, 0.2, 0.2, 0.2, 0.2), score, List.of(mention), List.of(candidates));
        List<ThemeSentiment> verdicts = ThemePath.selfAndAncestors(theme).stream()
                .map(id -> new ThemeSentiment(id, 1, label, score)).toList();
        return annotated(event(externalId, text, occurredAt, segments), label, score, List.of(sentence), verdicts);
    }

    private static FeedbackEvent event(String externalId, String text, Instant occurredAt, Map<String, String> segments) {
        var review = FeedbackEvents.review(externalId, text, segments);
        Instant received = occurredAt.plusSeconds(1);
        return new FeedbackEvent(review.schemaVersion(), review.id(), review.source(), review.externalId(),
                review.channel(), text, null, null, null, null, occurredAt, received, segments);
    }

    private static AnnotatedFeedback annotated(FeedbackEvent event, SentimentLabel label, double score,
                                               List<SentenceSentiment> sentences, List<ThemeSentiment> themes) {
        return new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION, event, new DocumentSentiment(label, score),
                sentences, themes, event.receivedAt().plusSeconds(1));
    }
}
