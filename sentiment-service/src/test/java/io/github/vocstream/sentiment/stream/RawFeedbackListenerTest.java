package io.github.vocstream.sentiment.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.Topics;
import io.github.vocstream.sentiment.nlp.SentimentConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poll is committed only once every record it produced is acknowledged, and read again whole when any is not. Kafka's
 * own client doubles stand in for the broker; the records are retractions and an unreadable value, which never reach
 * the language model (the service tests on a real broker cover annotation).
 */
class RawFeedbackListenerTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final TopicPartition P0 = new TopicPartition(TOPICS.raw(), 0);
    private static final TopicPartition P1 = new TopicPartition(TOPICS.raw(), 1);
    private static final List<ConsumerRecord<String, byte[]>> POLL = List.of(
            new ConsumerRecord<>(TOPICS.raw(), 0, 10, "generic:a", null),
            new ConsumerRecord<>(TOPICS.raw(), 1, 20, "generic:corrupt", "{not json".getBytes(StandardCharsets.UTF_8)),
            new ConsumerRecord<>(TOPICS.raw(), 0, 11, "generic:b", null));

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final MockProducer<String, byte[]> producer = new MockProducer<>(false, new StringSerializer(), new ByteArraySerializer());
    private RawFeedbackListener listener;

    @BeforeEach
    void listenerAfterAPollOfTwoPartitions() {
        consumer.assign(Set.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        // Where the consumer stands once it has handed out the poll.
        consumer.seek(P0, 12);
        consumer.seek(P1, 21);
        Topics topics = Topics.named(TOPICS);
        RecordPublisher publisher = new RecordPublisher(producer);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // No analyzer or language identifier: retractions and unreadable bytes are settled before either is asked.
        FeedbackAnnotator annotator = new FeedbackAnnotator(null, null, topics, SentimentConfiguration.defaults());
        listener = new RawFeedbackListener(annotator, new AnnotatedPublisher(publisher, topics),
                new DeadLetterPublisher(publisher, topics, meters), SentimentConfiguration.defaults(), meters, 0);
        listener.setKafkaConsumer(consumer);
    }

    @Test
    void aPollIsCommittedAfterEveryOutputIsAcknowledgedInTheOrderOfItsRecords() throws Exception {
        CompletableFuture<Void> receiving = CompletableFuture.runAsync(() -> listener.receive(POLL));
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 3);
        assertThat(consumer.committed(Set.of(P0, P1))).as("nothing committed before the acknowledgements").isEmpty();

        while (producer.completeNext()) {
            // acknowledge each output
        }
        receiving.get(10, TimeUnit.SECONDS);

        assertThat(producer.history()).extracting(ProducerRecord::topic, ProducerRecord::key)
                .containsExactly(
                        tuple(TOPICS.annotated(), "generic:a"),
                        tuple(TOPICS.dlq(), "generic:corrupt"),
                        tuple(TOPICS.annotated(), "generic:b"));
        assertThat(consumer.committed(Set.of(P0, P1))).containsExactlyInAnyOrderEntriesOf(
                Map.of(P0, new OffsetAndMetadata(12), P1, new OffsetAndMetadata(21)));
    }

    @Test
    void anOutputKafkaDidNotAcknowledgeSendsTheWholePollBackToBeReadAgain() throws Exception {
        CompletableFuture<Void> receiving = CompletableFuture.runAsync(() -> listener.receive(POLL));
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 3);

        producer.completeNext();
        producer.errorNext(new TimeoutException("no acknowledgement in time"));
        producer.completeNext();
        receiving.get(10, TimeUnit.SECONDS);

        assertThat(consumer.committed(Set.of(P0, P1))).isEmpty();
        assertThat(consumer.position(P0)).as("from the poll's first record, the acknowledged one too").isEqualTo(10);
        assertThat(consumer.position(P1)).isEqualTo(20);
    }
}
