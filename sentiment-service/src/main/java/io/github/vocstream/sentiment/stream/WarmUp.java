package io.github.vocstream.sentiment.stream;

import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.JsonSerde;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Annotates made-up texts ({@code voc/warm-up.txt}, no customer's) before the consumer joins its group: a fresh JVM
 * runs the pipeline several times slower until the JIT has compiled it, and the partitions it takes would wait meanwhile.
 */
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final String TEXTS = "/voc/warm-up.txt";

    private WarmUp() {
    }

    /** Annotates {@code documents} texts on {@code threads}, as the listener will; 0 does nothing. */
    static void run(FeedbackAnnotator annotator, int documents, ExecutorService threads) {
        if (documents <= 0) {
            return;
        }
        long start = System.nanoTime();
        List<byte[]> events = events();
        List<Future<Outcome>> pending = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            byte[] event = events.get(i % events.size());
            pending.add(threads.submit(() -> annotator.annotate("warm-up", event)));
        }
        try {
            for (Future<Outcome> outcome : pending) {
                outcome.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the pipeline failed on a warm-up text", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        LOG.info("Warmed up on {} documents in {} ms", documents, (System.nanoTime() - start) / 1_000_000);
    }

    private static List<byte[]> events() {
        var serde = JsonSerde.of(FeedbackEvent.class);
        List<byte[]> events = new ArrayList<>();
        try (InputStream in = WarmUp.class.getResourceAsStream(TEXTS);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Instant now = Instant.now();
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    FeedbackEvent event = new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, "warm-up:" + events.size(), "warm-up",
                            Integer.toString(events.size()), Channel.REVIEW, line, null, "en", null, null, now, now, Map.of(), List.of());
                    events.add(serde.serialize("warm-up", event));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
