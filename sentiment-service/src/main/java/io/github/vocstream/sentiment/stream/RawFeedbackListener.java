package io.github.vocstream.sentiment.stream;

import io.github.vocstream.common.kafka.FeedbackRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Consumes raw feedback one record at a time and writes its annotation, or a dead letter, before the offset is
 * committed (ASYNC_PER_RECORD: a lost commit only means a re-annotation). Only a failure to write to Kafka
 * throws; then the same record is retried rather than skipped, so nothing acknowledged by ingest is lost. A
 * record may so be annotated twice: the aggregator counts each feedback id once (docs/delivery-guarantees.md).
 * A record without a value retracts its id and is passed on as such, after everything before it in its partition.
 */
@KafkaListener(
        groupId = "${voc.sentiment.group-id:voc-sentiment}",
        threadsValue = "${voc.sentiment.threads:2}",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.ASYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = "2s",
                retryCountValue = "${voc.sentiment.write-retries:100000}"))
public class RawFeedbackListener {

    private final FeedbackAnnotator annotator;
    private final AnnotatedPublisher annotated;
    private final DeadLetterPublisher deadLetters;
    private final Timer annotatedTime;
    private final Timer rejectedTime;

    public RawFeedbackListener(FeedbackAnnotator annotator, AnnotatedPublisher annotated, DeadLetterPublisher deadLetters,
                               MeterRegistry meters) {
        this.annotator = annotator;
        this.annotated = annotated;
        this.deadLetters = deadLetters;
        // Their counts' rates are documents per second; their percentiles the annotation latency.
        this.annotatedTime = annotationTimer(meters, "annotated");
        this.rejectedTime = annotationTimer(meters, "rejected");
    }

    private static Timer annotationTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("voc.sentiment.annotation").tag("outcome", outcome)
                .description("Time to annotate one feedback document (parse, sentiment, themes)")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @Topic("${voc.topics.raw:voc.feedback.raw}")
    public void receive(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            // A tombstone retracts the feedback its key names (a deleted post); the aggregator takes it back out.
            if (record.key() == null) {
                deadLetters.publish(record, FeedbackRecords.UNKEYED_RETRACTION, null);
            } else {
                annotated.retract(record.key());
            }
            return;
        }
        long start = System.nanoTime();
        Outcome outcome = annotator.annotate(record.topic(), record.value());
        (outcome instanceof Outcome.Annotated ? annotatedTime : rejectedTime).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (outcome instanceof Outcome.Annotated result) {
            annotated.publish(result.feedback());
        } else if (outcome instanceof Outcome.Rejected rejected) {
            deadLetters.publish(record, rejected.reason(), rejected.cause());
        }
    }
}
