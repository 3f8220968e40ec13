package io.github.vocstream.sentiment.stream;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Sends records without waiting, so that a whole poll's output travels in one round of requests, and then waits for
 * every acknowledgement at once ({@link #awaitAcknowledged}): the listener commits its input only after that. One
 * idempotent producer keeps the records of a partition in the order they were sent.
 */
@Singleton
public class RecordPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Producer<String, byte[]> producer;

    public RecordPublisher(@KafkaClient("sentiment-producer") Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return producer.send(record);
    }

    /** Returns once every send is acknowledged; throws if any failed or took over 30 s. */
    public static void awaitAcknowledged(List<Future<RecordMetadata>> sends) {
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Kafka did not acknowledge a record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting for Kafka", e);
        }
    }
}
