package io.github.vocstream.sentiment.stream;

import io.github.vocstream.common.kafka.Headers;
import io.github.vocstream.common.kafka.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a record the service cannot process to the dead-letter topic: original key and bytes, plus why. */
@Singleton
public class DeadLetterPublisher {

    static final String SERVICE = "sentiment-service";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final RecordPublisher publisher;
    private final String topic;

    private final Counter published;

    public DeadLetterPublisher(RecordPublisher publisher, Topics topics, MeterRegistry meters) {
        this.publisher = publisher;
        this.topic = topics.dlq().name();
        this.published = Counter.builder("voc.sentiment.dead.letters")
                .description("Records sent to the dead-letter topic (see dead-letters/redrive.sh)").register(meters);
    }

    public Future<RecordMetadata> publish(ConsumerRecord<String, byte[]> original, String reason, Throwable cause) {
        String source = Headers.coordinates(original.topic(), original.partition(), original.offset());
        // The payload may hold customer text: the log names where it was, never what it said.
        LOG.warn("dead letter from {}: {}", source, reason);
        var record = new ProducerRecord<>(topic, original.key(), original.value());
        original.headers().forEach(header -> record.headers().add(header));
        Headers.addDeadLetter(record.headers(), reason, cause == null ? null : cause.getClass().getName(), source, SERVICE);
        published.increment();
        return publisher.send(record);
    }
}
