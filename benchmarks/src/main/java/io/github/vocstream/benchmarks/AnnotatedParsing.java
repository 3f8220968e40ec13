package io.github.vocstream.benchmarks;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.kafka.AnnotatedFeedbackReader;
import io.github.vocstream.common.kafka.JsonSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The aggregator's parse of annotated feedback: data binding ({@link JsonSerde}) against the streaming reader
 * ({@link AnnotatedFeedbackReader}) on the themed events of {@code bench/run.sh aggregator}, in one JVM, in
 * alternating rounds after a warm-up, on one thread. Prints microseconds per record for both and the ratio.
 */
public final class AnnotatedParsing {

    private AnnotatedParsing() {
    }

    public static void main(String[] args) {
        int records = Integer.parseInt(Options.option(args, "--records", "20000"));
        int rounds = Integer.parseInt(Options.option(args, "--rounds", "10"));
        JsonSerde<AnnotatedFeedback> dataBinding = JsonSerde.of(AnnotatedFeedback.class);
        Random random = new Random(42);
        Instant start = Instant.parse("2026-11-30T00:00:00Z");
        List<byte[]> written = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            written.add(dataBinding.serialize("annotated", AggregatorThroughput.feedback(i, start.plusMillis(i * 12L), true, random)));
        }
        AnnotatedFeedbackReader streaming = new AnnotatedFeedbackReader();
        System.out.printf(Locale.ROOT, "%d themed annotated records, %.0f bytes each on average, %d rounds%n", records,
                written.stream().mapToInt(bytes -> bytes.length).average().orElse(0), rounds);
        for (int i = 0; i < 3; i++) {
            time(dataBinding, written);
            time(streaming, written);
        }
        long dataBindingNanos = 0;
        long streamingNanos = 0;
        for (int round = 0; round < rounds; round++) {
            dataBindingNanos += time(dataBinding, written);
            streamingNanos += time(streaming, written);
        }
        double perDataBinding = dataBindingNanos / 1e3 / rounds / records;
        double perStreaming = streamingNanos / 1e3 / rounds / records;
        System.out.printf(Locale.ROOT, "data binding     %.2f us per record%n", perDataBinding);
        System.out.printf(Locale.ROOT, "streaming reader %.2f us per record%n", perStreaming);
        System.out.printf(Locale.ROOT, "ratio streaming/data binding: %.2f%n", perStreaming / perDataBinding);
    }

    /** Nanoseconds to read every record once; checks that each was read, so nothing is optimised away. */
    private static long time(Deserializer<AnnotatedFeedback> reader, List<byte[]> written) {
        long start = System.nanoTime();
        int sentences = 0;
        for (byte[] bytes : written) {
            sentences += reader.deserialize("annotated", bytes).sentences().size();
        }
        long nanos = System.nanoTime() - start;
        if (sentences != 2 * written.size()) {
            throw new IllegalStateException("read " + sentences + " sentences from " + written.size() + " records");
        }
        return nanos;
    }
}
