package io.github.vocstream.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Alert;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackEvents;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.TextLanguage;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemeSentiment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Pins the wire format: a change to these files is a change every consumer must be ready for. */
class JsonSerdeGoldenTest {

    private static final FeedbackEvent EVENT = withTags(
            FeedbackEvents.review("r-42", "Lovely staff. The refund took six weeks.", Map.of("region", "EU")), List.of("refunds"));
    private static final AnnotatedFeedback ANNOTATED = new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION, EVENT,
            new DocumentSentiment(SentimentLabel.NEGATIVE, -0.2, 0.55),
            List.of(new SentenceSentiment(0, 13, 3, List.of(0.1, 0.2, 0.7), 0.6,
                            List.of(new ThemeMention("staff", 7, 12, SentimentLabel.POSITIVE, 0.6, 0.7)), List.of(),
                            SentimentLabel.POSITIVE),
                    new SentenceSentiment(14, 40, 1, List.of(0.75, 0.2, 0.05), -0.7,
                            List.of(new ThemeMention("refund", 18, 24, SentimentLabel.NEGATIVE, -0.7, 0.75)), List.of("week"),
                            SentimentLabel.NEGATIVE)),
            List.of(new ThemeSentiment("staff", 1, SentimentLabel.POSITIVE, 0.6),
                    new ThemeSentiment("refund", 1, SentimentLabel.NEGATIVE, -0.7)),
            Instant.parse("2026-11-20T10:15:33Z"), "voc-linear-3class@a08ec42d5e14", new TextLanguage("en", "en", "en"));
    /** German text, declared English by its platform: counted, not scored. */
    private static final AnnotatedFeedback UNSCORED = new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION,
            FeedbackEvents.review("r-43", "Nettes Personal. Die Erstattung dauerte sechs Wochen.", Map.of("region", "EU")), null,
            List.of(SentenceSentiment.unscored(0, 16, List.of()),
                    SentenceSentiment.unscored(17, 53, List.of(new ThemeMention("refund", 21, 31, null, 0)))),
            List.of(new ThemeSentiment("refund", 1, null, 0)),
            Instant.parse("2026-11-20T10:15:33Z"), null, new TextLanguage("de", "de", "en"));

    @Test
    void feedbackEventMatchesItsGoldenFile() throws IOException {
        var serde = JsonSerde.of(FeedbackEvent.class);

        assertThat(tree(serde.serialize("t", EVENT))).isEqualTo(golden("feedback-event.json"));
        assertThat(serde.deserialize("t", golden("feedback-event.json").toString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(EVENT);
    }

    @Test
    void annotatedFeedbackMatchesItsGoldenFile() throws IOException {
        var serde = JsonSerde.of(AnnotatedFeedback.class);

        assertThat(tree(serde.serialize("t", ANNOTATED))).isEqualTo(golden("annotated-feedback.json"));
        assertThat(serde.deserialize("t", golden("annotated-feedback.json").toString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ANNOTATED);
    }

    @Test
    void unscoredAnnotatedFeedbackMatchesItsGoldenFile() throws IOException {
        var serde = JsonSerde.of(AnnotatedFeedback.class);

        assertThat(tree(serde.serialize("t", UNSCORED))).isEqualTo(golden("annotated-feedback-unscored.json"));
        AnnotatedFeedback read = serde.deserialize("t", golden("annotated-feedback-unscored.json").toString().getBytes(StandardCharsets.UTF_8));
        assertThat(read).isEqualTo(UNSCORED);
        assertThat(read.isScored()).isFalse();
        assertThat(read.sentences()).noneMatch(SentenceSentiment::isScored);
    }

    @Test
    void alertMatchesItsGoldenFile() throws IOException {
        var serde = JsonSerde.of(Alert.class);
        Alert alert = new Alert(Alert.SCHEMA_VERSION, "a-2b8e1d4c9f03a7e6d5c4b3a2", "plan:pro", "delivery/late", null, "negative-rate",
                Instant.parse("2026-11-08T09:41:12Z"), 10.2, 20.4, 31.5);

        assertThat(tree(serde.serialize("t", alert))).isEqualTo(golden("alert.json"));
        assertThat(serde.deserialize("t", golden("alert.json").toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(alert);
    }

    @Test
    void annotatedFeedbackWrittenBeforeThemesReadsWithNoThemes() throws IOException {
        var serde = JsonSerde.of(AnnotatedFeedback.class);

        AnnotatedFeedback old = serde.deserialize("t",
                golden("annotated-feedback-before-themes.json").toString().getBytes(StandardCharsets.UTF_8));

        assertThat(old.themes()).isEmpty();
        assertThat(old.sentences()).hasSize(2).allSatisfy(sentence -> {
            assertThat(sentence.themes()).isEmpty();
            assertThat(sentence.candidateTerms()).isEmpty();
        });
        assertThat(old.document()).isEqualTo(new DocumentSentiment(SentimentLabel.NEGATIVE, -0.2));
        assertThat(old.feedback().tags()).isEmpty();
        assertThat(old.model()).isNull();
        assertThat(old.language()).as("written before languages were detected").isNull();
        assertThat(old.isScored()).isTrue();
    }

    @Test
    void sentencesWrittenBeforeLabelsReadWithTheLabelOfTheirClass() throws IOException {
        var serde = JsonSerde.of(AnnotatedFeedback.class);

        AnnotatedFeedback old = serde.deserialize("t",
                golden("annotated-feedback-before-themes.json").toString().getBytes(StandardCharsets.UTF_8));

        assertThat(old.sentences()).extracting(SentenceSentiment::label)
                .containsExactly(SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE);
    }

    @Test
    void unknownFieldsFromNewerWritersAreIgnored() {
        var serde = JsonSerde.of(FeedbackEvent.class);
        String json = new String(serde.serialize("t", EVENT), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"futureField\":1,");

        assertThat(serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(EVENT);
    }

    @Test
    void badBytesThrowSerializationException() {
        var serde = JsonSerde.of(FeedbackEvent.class);

        assertThatThrownBy(() -> serde.deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize("t", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    private static FeedbackEvent withTags(FeedbackEvent event, List<String> tags) {
        return new FeedbackEvent(event.schemaVersion(), event.id(), event.source(), event.externalId(), event.channel(),
                event.text(), event.title(), event.language(), event.rating(), event.author(), event.occurredAt(),
                event.receivedAt(), event.segments(), tags);
    }

    private static JsonNode tree(byte[] json) throws IOException {
        return Json.mapper().readTree(json);
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = JsonSerdeGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            return Json.mapper().readTree(in);
        }
    }
}
