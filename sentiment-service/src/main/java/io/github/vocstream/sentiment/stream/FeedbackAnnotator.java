package io.github.vocstream.sentiment.stream;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.TextLanguage;
import io.github.vocstream.common.kafka.FeedbackRecords;
import io.github.vocstream.common.kafka.Topics;
import io.github.vocstream.sentiment.language.LanguageIdentifier;
import io.github.vocstream.sentiment.nlp.SentimentAnalyzer;
import io.github.vocstream.sentiment.nlp.SentimentConfiguration;
import io.github.vocstream.sentiment.nlp.TextSentiment;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns the bytes of one raw record into annotated feedback, or into the reason it cannot be: bytes that are no
 * feedback event, a schema version this service does not know, a pipeline failure, or a document over its time cap.
 * A text is scored only in a language the model reads ({@link LanguageIdentifier} decides which language that is);
 * text without letters is scored too, since emoji and emoticons read the same in any language. Any other text is
 * annotated without scores, so that it counts as feedback but never as a verdict.
 */
@Singleton
public class FeedbackAnnotator {

    private final SentimentAnalyzer analyzer;
    private final LanguageIdentifier languages;
    private final Deserializer<FeedbackEvent> deserializer;
    private final Duration timeout;
    /*
     * Annotation runs here rather than on the consumer thread so that a pathological document can be cut off. The
     * pool grows instead of queueing: CoreNLP may ignore the interrupt of a cancelled document, and the next one
     * must not wait behind it. Each consumer thread waits for its own document, so that bounds the live work;
     * an abandoned document lasts at most parse.maxtime.
     */
    private final ExecutorService workers;

    public FeedbackAnnotator(SentimentAnalyzer analyzer, LanguageIdentifier languages, Topics topics,
                             SentimentConfiguration configuration) {
        this.analyzer = analyzer;
        this.languages = languages;
        this.deserializer = topics.raw().valueSerde().deserializer();
        this.timeout = configuration.documentTimeout();
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sentiment-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public Outcome annotate(String topic, byte[] value) {
        FeedbackEvent event;
        try {
            event = deserializer.deserialize(topic, value);
        } catch (SerializationException e) {
            return new Outcome.Rejected("value is not a feedback event", e);
        }
        if (event == null) {
            return new Outcome.Rejected("value is empty", null);
        }
        Optional<String> unreadable = FeedbackRecords.unreadableSchema(event.schemaVersion(), FeedbackEvent.SCHEMA_VERSION);
        if (unreadable.isPresent()) {
            return new Outcome.Rejected(unreadable.get(), null);
        }
        Future<AnnotatedFeedback> analysis = workers.submit(() -> annotate(event));
        try {
            return new Outcome.Annotated(analysis.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            analysis.cancel(true);
            return new Outcome.Rejected("annotation took longer than " + timeout, e);
        } catch (ExecutionException e) {
            return new Outcome.Rejected("annotation failed", e.getCause());
        } catch (InterruptedException e) {
            analysis.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while annotating", e);
        }
    }

    private AnnotatedFeedback annotate(FeedbackEvent event) {
        TextLanguage language = languages.languageOf(event.text(), event.language());
        TextSentiment sentiment = language.detected() == null || analyzer.reads(language.tag())
                ? analyzer.analyze(event.text())
                : analyzer.withoutScores(event.text(), language.tag());
        return new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION, event, sentiment.document(), sentiment.sentences(),
                sentiment.themes(), Instant.now(), sentiment.model(), language);
    }

    @PreDestroy
    void close() {
        workers.shutdownNow();
    }
}
