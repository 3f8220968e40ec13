package io.github.vocstream.sentiment.stream;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends one record and waits for the broker's acknowledgement, so that the listener commits its offset only
 * after the output is safely written. A failure throws, and the listener retries the same input record.
 */
@Singleton
public class RecordPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Producer<String, byte[]> producer;

    public RecordPublisher(@KafkaClient("sentiment-producer") Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Kafka did not acknowledge a record for " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing to " + record.topic(), e);
        }
    }
}
