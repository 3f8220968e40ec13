package io.github.vocstream.ingest.feedback;

import io.github.vocstream.common.event.Erasure;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.FeedbackRecords;
import io.github.vocstream.common.kafka.Topic;
import io.github.vocstream.common.kafka.Topics;
import io.github.vocstream.http.problem.ProblemException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what {@link Intake} took to the raw topic, keyed by feedback id, and erasures to theirs, each request as
 * one transaction, and returns only once the transaction is committed (acks=all: see application.yml). A reader of
 * committed records sees a request whole or not at all.
 */
@Singleton
class FeedbackPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackPublisher.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final TransactionalProducers producers;
    private final Topic<String, FeedbackEvent> topic;
    private final Topic<String, Erasure> erasures;
    private final Duration timeout;

    public FeedbackPublisher(TransactionalProducers producers, Topics topics, IngestConfiguration configuration) {
        this.producers = producers;
        this.topic = topics.raw();
        this.erasures = topics.erasures();
        this.timeout = configuration.publishTimeout();
    }

    /**
     * Sends every event, then every retraction, in one transaction, and waits until it is committed. A retraction
     * after the post it retracts, in the same request, lands behind it in the id's partition. On failure nothing is
     * claimed as accepted (503); a transaction that commits after its timeout is harmless, because the retry this asks
     * for carries the same ids and is counted once downstream.
     */
    void publish(List<FeedbackEvent> events, List<Retraction> retractions) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size() + retractions.size());
        events.forEach(event -> records.add(FeedbackRecords.of(topic.name(), event.id(),
                topic.valueSerde().serializer().serialize(topic.name(), event))));
        retractions.forEach(retraction -> records.add(FeedbackRecords.of(topic.name(), retraction.feedbackId(), null)));
        send(records);
    }

    /** Sends the erasure to its topic, keyed by its id, and waits until Kafka holds it. */
    void publishErasure(Erasure erasure) {
        send(List.of(new ProducerRecord<>(erasures.name(), erasure.id(), erasures.valueSerde().serializer().serialize(erasures.name(), erasure))));
    }

    private void send(List<ProducerRecord<String, byte[]>> records) {
        try {
            producers.publish(records, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted while waiting for Kafka; nothing was published", RETRY_AFTER);
        } catch (TimeoutException e) {
            // Its transaction may still commit: the retry this asks for carries the same ids and counts once.
            LOG.warn("Kafka did not confirm {} feedback records in time", records.size());
            throw ProblemException.unavailable("Kafka did not confirm the write in time; nothing was accepted, retry the same "
                    + "request (its items count once)", RETRY_AFTER);
        } catch (Exception e) {
            LOG.warn("Kafka did not take the transaction of {} feedback records: {}", records.size(), e.toString());
            throw ProblemException.unavailable(
                    "Kafka did not take the write; nothing of it was published, retry the same request", RETRY_AFTER);
        }
    }
}
