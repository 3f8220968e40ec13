package io.github.vocstream.sentiment.stream;

import io.github.vocstream.common.kafka.FeedbackRecords;
import io.github.vocstream.sentiment.nlp.SentimentConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.configuration.kafka.ConsumerAware;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes raw feedback a poll at a time: annotates the poll's documents at once ({@code voc.sentiment.threads}),
 * sends their annotations (or dead letters, or retractions) in the order the records came, waits until Kafka has
 * acknowledged all of them, and only then commits the poll. If any write fails, the poll is read again from its first
 * record after a pause, rather than skipped, so nothing acknowledged by ingest is lost; a crash does the same. A record
 * may so be annotated twice: the aggregator counts each feedback id once (docs/delivery-guarantees.md). A record
 * without a value retracts its id and is passed on as such, after everything before it in its partition.
 *
 * <p>One consumer per instance: its polls carry every partition it is given, and the threads annotate them. Offsets
 * are committed here, never by the framework, which would move past a poll that failed.
 */
@KafkaListener(
        groupId = "${voc.sentiment.group-id:voc-sentiment}",
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.DISABLED)
public class RawFeedbackListener implements ConsumerAware<String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(RawFeedbackListener.class);
    /** How long a poll whose output could not be written waits before it is read again. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);

    private final FeedbackAnnotator annotator;
    private final AnnotatedPublisher annotated;
    private final DeadLetterPublisher deadLetters;
    private final ExecutorService annotators;
    private final Timer annotatedTime;
    private final Timer rejectedTime;
    private Consumer<String, byte[]> consumer;

    public RawFeedbackListener(FeedbackAnnotator annotator, AnnotatedPublisher annotated, DeadLetterPublisher deadLetters,
                               SentimentConfiguration configuration, MeterRegistry meters,
                               @Value("${voc.sentiment.warm-up-documents:200}") int warmUpDocuments) {
        this.annotator = annotator;
        this.annotated = annotated;
        this.deadLetters = deadLetters;
        AtomicInteger count = new AtomicInteger();
        this.annotators = Executors.newFixedThreadPool(configuration.threads(), runnable -> {
            Thread thread = new Thread(runnable, "sentiment-annotator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Before the consumer exists: it is made, and joins the group, once this bean is.
        WarmUp.run(annotator, warmUpDocuments, annotators);
        // Their counts' rates are documents per second; their percentiles the annotation latency.
        this.annotatedTime = annotationTimer(meters, "annotated");
        this.rejectedTime = annotationTimer(meters, "rejected");
    }

    private static Timer annotationTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("voc.sentiment.annotation").tag("outcome", outcome)
                .description("Time to annotate one feedback document (parse, sentiment, themes)")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @Override
    public void setKafkaConsumer(Consumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    @Topic("${voc.topics.raw:voc.feedback.raw}")
    public void receive(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            List<Outcome> outcomes = annotateAll(records);
            List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                sends.add(publish(records.get(i), outcomes.get(i)));
            }
            RecordPublisher.awaitAcknowledged(sends);
        } catch (RuntimeException e) {
            // Never out of here: the framework would go on past the poll.
            LOG.warn("could not write the output of {} records ({}); reading them again in {}", records.size(), e.getMessage(), RETRY_DELAY);
            rewind(records);
            pause();
            return;
        }
        commit(records);
    }

    /** Every record's outcome, in the records' order; the documents are annotated on the annotator threads at once. */
    private List<Outcome> annotateAll(List<ConsumerRecord<String, byte[]>> records) {
        List<Future<Outcome>> pending = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            pending.add(record.value() == null ? null : annotators.submit(() -> annotate(record)));
        }
        List<Outcome> outcomes = new ArrayList<>(records.size());
        for (Future<Outcome> outcome : pending) {
            outcomes.add(outcome == null ? null : done(outcome));
        }
        return outcomes;
    }

    private Outcome annotate(ConsumerRecord<String, byte[]> record) {
        long start = System.nanoTime();
        Outcome outcome = annotator.annotate(record.topic(), record.value());
        (outcome instanceof Outcome.Annotated ? annotatedTime : rejectedTime).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return outcome;
    }

    private static Outcome done(Future<Outcome> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("annotation failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while annotating", e);
        }
    }

    /** Sends what becomes of {@code record}: its annotation, its dead letter, or (no value) the retraction of its id. */
    private Future<RecordMetadata> publish(ConsumerRecord<String, byte[]> record, Outcome outcome) {
        if (record.value() == null) {
            // A tombstone retracts the feedback its key names (a deleted post); the aggregator takes it back out.
            return record.key() == null
                    ? deadLetters.publish(record, FeedbackRecords.UNKEYED_RETRACTION, null)
                    : annotated.retract(record.key());
        }
        if (outcome instanceof Outcome.Annotated result) {
            return annotated.publish(result.feedback());
        }
        Outcome.Rejected rejected = (Outcome.Rejected) outcome;
        return deadLetters.publish(record, rejected.reason(), rejected.cause());
    }

    /** Commits the offsets after the poll's last record of each partition. */
    private void commit(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        try {
            consumer.commitSync(next);
        } catch (KafkaException e) {
            // A rebalance took partitions away: whoever has them now reads from the last commit, so nothing is lost.
            LOG.warn("could not commit {} records ({}); they will be annotated again", records.size(), e.getMessage());
        }
    }

    /** Puts each partition of the poll back to its first record, so that the next poll reads them all again. */
    private void rewind(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        annotators.shutdownNow();
    }
}
