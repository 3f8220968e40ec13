package io.github.vocstream.sentiment.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackEvents;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.TextLanguage;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.Topics;
import io.github.vocstream.sentiment.language.LanguageConfiguration;
import io.github.vocstream.sentiment.language.LanguageIdentifier;
import io.github.vocstream.sentiment.nlp.SentimentAnalyzer;
import io.github.vocstream.sentiment.nlp.SentimentConfiguration;
import io.github.vocstream.sentiment.nlp.TextSentiment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedbackAnnotatorTest {

    private static final Topics TOPICS = Topics.named(new TopicNames("raw", "annotated", "dlq"));
    private static final TextSentiment POSITIVE = new TextSentiment(List.of(), new DocumentSentiment(SentimentLabel.POSITIVE, 0.5), List.of(), "test-model");

    private final CountDownLatch release = new CountDownLatch(1);

    /** English and German only: enough to tell the two apart, and a small part of the shipped models. */
    private static final LanguageIdentifier LANGUAGES = new LanguageIdentifier(new LanguageConfiguration(List.of("en", "de")));

    /**
     * Reads English only. Hangs on "stuck" and ignores interrupts, as a CoreNLP annotator may; answers at once
     * otherwise.
     */
    private final SentimentAnalyzer stubborn = new SentimentAnalyzer() {
        @Override
        public TextSentiment analyze(String text) {
            if (text.equals("stuck")) {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // deliberately deaf to cancel(true)
                    }
                }
            }
            return POSITIVE;
        }

        @Override
        public boolean reads(String language) {
            return language.equals("en");
        }

        @Override
        public TextSentiment withoutScores(String text, String language) {
            return new TextSentiment(List.of(SentenceSentiment.unscored(0, text.length(), List.of())), null, List.of(), null);
        }
    };

    private final FeedbackAnnotator annotator = new FeedbackAnnotator(stubborn, LANGUAGES, TOPICS,
            new SentimentConfiguration("linear", 1, SentimentConfiguration.defaults().parserModel(), 100, Duration.ofMillis(300), 0.1));

    @AfterEach
    void releaseStuckWork() {
        release.countDown();
        annotator.close();
    }

    @Test
    void aDocumentThatWillNotStopDoesNotDelayTheNext() {
        Outcome stuck = annotator.annotate("raw", bytes(FeedbackEvents.review("a", "stuck", Map.of())));
        Outcome next = annotator.annotate("raw", bytes(FeedbackEvents.review("b", "fine", Map.of())));

        assertThat(stuck).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo("annotation took longer than PT0.3S"));
        assertThat(next).isInstanceOfSatisfying(Outcome.Annotated.class,
                annotated -> assertThat(annotated.feedback().document().label()).isEqualTo(SentimentLabel.POSITIVE));
    }

    @Test
    void textInALanguageTheModelDoesNotReadIsAnnotatedWithoutAVerdict() {
        FeedbackEvent german = withLanguage(FeedbackEvents.review("d", "Die Lieferung kam zwei Wochen zu spät an.", Map.of()), "en");

        Outcome outcome = annotator.annotate("raw", bytes(german));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Annotated.class, annotated -> {
            assertThat(annotated.feedback().isScored()).isFalse();
            assertThat(annotated.feedback().document()).isNull();
            assertThat(annotated.feedback().language()).isEqualTo(new TextLanguage("de", "de", "en"));
            assertThat(annotated.feedback().sentences()).singleElement().satisfies(sentence -> assertThat(sentence.isScored()).isFalse());
        });
    }

    @Test
    void englishTextAndTextWithoutLettersAreScored() {
        Outcome english = annotator.annotate("raw", bytes(FeedbackEvents.review("e", "The parcel arrived two weeks late.", Map.of())));
        Outcome emoji = annotator.annotate("raw", bytes(withLanguage(FeedbackEvents.review("f", "👍👍", Map.of()), "de")));

        assertThat(english).isInstanceOfSatisfying(Outcome.Annotated.class, annotated -> {
            assertThat(annotated.feedback().document()).isEqualTo(POSITIVE.document());
            assertThat(annotated.feedback().language()).isEqualTo(new TextLanguage("en", "en", "en"));
        });
        assertThat(emoji).isInstanceOfSatisfying(Outcome.Annotated.class, annotated -> {
            assertThat(annotated.feedback().isScored()).isTrue();
            assertThat(annotated.feedback().language()).isEqualTo(new TextLanguage("de", null, "de"));
        });
    }

    @Test
    void bytesThatAreNoFeedbackEventAreRejected() {
        Outcome outcome = annotator.annotate("raw", "[1,2".getBytes(StandardCharsets.UTF_8));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo("value is not a feedback event"));
    }

    @Test
    void anAnnotationCarriesTheWholeEvent() {
        FeedbackEvent event = FeedbackEvents.review("c", "Lovely.", Map.of("region", "EU"));

        Outcome outcome = annotator.annotate("raw", bytes(event));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Annotated.class,
                annotated -> assertThat(annotated.feedback().feedback()).isEqualTo(event));
    }

    private static FeedbackEvent withLanguage(FeedbackEvent event, String language) {
        return new FeedbackEvent(event.schemaVersion(), event.id(), event.source(), event.externalId(), event.channel(),
                event.text(), event.title(), language, event.rating(), event.author(), event.occurredAt(), event.receivedAt(),
                event.segments(), event.tags());
    }

    private static byte[] bytes(FeedbackEvent event) {
        return JsonSerde.of(FeedbackEvent.class).serialize("raw", event);
    }
}
