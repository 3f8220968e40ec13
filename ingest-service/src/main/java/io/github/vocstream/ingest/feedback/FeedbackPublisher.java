package io.github.vocstream.ingest.feedback;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.Headers;
import io.github.vocstream.common.kafka.Topic;
import io.github.vocstream.common.kafka.Topics;
import io.github.vocstream.support.problem.ProblemException;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes feedback to the raw topic, keyed by feedback id, each request as one transaction, and returns only once
 * the transaction is committed (acks=all: see application.yml). A reader of committed records sees a request whole or
 * not at all.
 */
@Singleton
public class FeedbackPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackPublisher.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final TransactionalProducers producers;
    private final Topic<String, FeedbackEvent> topic;
    private final Duration timeout;
    private final AuthorPseudonyms authors;
    private final SourceRateLimiter rateLimiter;

    public FeedbackPublisher(TransactionalProducers producers, Topics topics, IngestConfiguration configuration,
                             AuthorPseudonyms authors, SourceRateLimiter rateLimiter) {
        this.producers = producers;
        this.topic = topics.raw();
        this.timeout = configuration.publishTimeout();
        this.authors = authors;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Sends every event and waits for all acknowledgements. On failure nothing is claimed as accepted; records
     * that did reach Kafka are harmless, because a retry carries the same ids and is counted once downstream.
     * Returns the ids Kafka now holds, in the order of {@code events}.
     */
    public List<String> publish(List<FeedbackEvent> events) {
        return publish(events, List.of());
    }

    /**
     * Sends every event, then every retraction, and waits for all acknowledgements, as {@link #publish(List)} does.
     * A retraction after the post it retracts, in the same request, lands behind it in the id's partition.
     */
    public List<String> publish(List<FeedbackEvent> events, List<Retraction> retractions) {
        return publish(null, events, retractions);
    }

    /**
     * As {@link #publish(List, List)}, for a client of the keyed endpoints: an identified client's items count
     * against its own limit too, so that it may not crowd out others even within the sources it may write.
     */
    public List<String> publish(Client client, List<FeedbackEvent> events, List<Retraction> retractions) {
        // Every endpoint publishes here, so one limit covers them all, checked before anything is sent.
        Map<String, Integer> itemsBySource = new HashMap<>();
        events.forEach(event -> itemsBySource.merge(event.source(), 1, Integer::sum));
        retractions.forEach(retraction -> itemsBySource.merge(retraction.source(), 1, Integer::sum));
        if (client != null && client.identified()) {
            // A source name holds no space, so this bucket is the client's alone.
            itemsBySource.put("client " + client.name(), events.size() + retractions.size());
        }
        rateLimiter.acquire(itemsBySource);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size() + retractions.size());
        events.forEach(event -> records.add(toRecord(event)));
        retractions.forEach(retraction -> records.add(toRecord(retraction.feedbackId(), null)));
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
        return events.stream().map(FeedbackEvent::id).toList();
    }

    /** Publishes {@code events} and answers 202 with their ids, in request order. */
    public HttpResponse<FeedbackAccepted> accept(List<FeedbackEvent> events) {
        return accept(events, List.of());
    }

    /** Publishes {@code events} and {@code retractions}, and answers 202 with the ids of both. */
    public HttpResponse<FeedbackAccepted> accept(List<FeedbackEvent> events, List<Retraction> retractions) {
        return accept(null, events, retractions);
    }

    /** As {@link #accept(List, List)}, for a keyed client (null for a webhook delivery). */
    public HttpResponse<FeedbackAccepted> accept(Client client, List<FeedbackEvent> events, List<Retraction> retractions) {
        List<String> ids = publish(client, events, retractions);
        return HttpResponse.accepted().body(new FeedbackAccepted(ids.size(), ids,
                retractions.stream().map(Retraction::feedbackId).toList()));
    }

    /**
     * Publishes the one item a webhook delivery carried, if any: 202 with its id, or 202 with none for a delivery
     * that carries no customer voice (acknowledged, so that the platform does not retry it).
     */
    public HttpResponse<FeedbackAccepted> publishDelivery(Optional<FeedbackEvent> event) {
        return accept(event.map(List::of).orElse(List.of()));
    }

    private ProducerRecord<String, byte[]> toRecord(FeedbackEvent given) {
        // Every endpoint publishes here, so no author reference leaves ingest other than as configured.
        FeedbackEvent event = authors.apply(given);
        return toRecord(event.id(), topic.valueSerde().serializer().serialize(topic.name(), event));
    }

    /** A record keyed by feedback id; without a value it is a retraction (a tombstone). */
    private ProducerRecord<String, byte[]> toRecord(String feedbackId, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), feedbackId, value);
        record.headers().add(Headers.FEEDBACK_ID, feedbackId.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
