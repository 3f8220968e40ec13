package io.github.vocstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.test.FreePorts;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import io.github.vocstream.testkit.ConsumerGroupProgress;
import io.github.vocstream.testkit.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the sentiment service while it works through a backlog, a poll in flight: after its restart every
 * item is annotated, and the only items annotated twice are those whose annotations were written but whose poll was not
 * yet committed when it died. Written minus committed at the kill, both read from the broker after it, says exactly
 * how many: each raw record yields one annotation, so anything else is an item lost or doubled.
 */
class SentimentKilledMidPollIT {

    private static final int ITEMS = 600;

    @Test
    void aKilledServiceAnnotatesItsUncommittedPollAgainAndLosesNothing(@TempDir Path work) throws Exception {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        String run = UUID.randomUUID().toString();
        TopicNames topics = new TopicNames("raw-killed-" + run, "annotated-killed-" + run, "dlq-killed-" + run);
        TopicAdmin.ensureTopics(bootstrap, 3, topics.all());
        Path root = Path.of(System.getProperty("voc.root", "..")).toAbsolutePath().normalize();
        List<FeedbackEvent> events = SampleReviews.read(root.resolve("data/reviews")).subList(0, ITEMS).stream()
                .map(review -> review.toEvent(Instant.now())).toList();
        produce(bootstrap, topics.raw(), events);

        String group = "sentiment-killed-" + run;
        ServiceProcess.Spec spec = Services.specs(bootstrap, topics, new Services.Ports(0, FreePorts.next(), 0),
                work.resolve("unused"), Map.of("voc.sentiment.group-id", group), null, LocalSecrets.random()).get(1);
        long committedAtKill;
        long writtenAtKill;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            try (ServiceProcess first = ServiceProcess.start(root, spec, work.resolve("logs-first"))) {
                first.awaitHealthy(Duration.ofMinutes(3));
                // A few polls in: it annotates without pause, so one is in flight whenever it is looked at.
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                        .until(() -> ConsumerGroupProgress.committed(admin, group, topics.raw()) >= 100);
                first.kill();
                // Requests it sent just before dying may still be applied: read once two looks agree.
                long[] last = {-1, -1};
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
                    long[] now = {ConsumerGroupProgress.committed(admin, group, topics.raw()),
                            ConsumerGroupProgress.written(admin, topics.annotated())};
                    boolean settled = now[0] == last[0] && now[1] == last[1];
                    System.arraycopy(now, 0, last, 0, 2);
                    return settled;
                });
                committedAtKill = last[0];
                writtenAtKill = last[1];
            }
            System.out.printf("killed with %d of %d items committed and %d annotations written%n", committedAtKill, ITEMS, writtenAtKill);
            assertThat(committedAtKill).as("killed with work left").isLessThan(ITEMS);
            assertThat(writtenAtKill).as("nothing committed before its annotation was written").isGreaterThanOrEqualTo(committedAtKill);

            try (ServiceProcess second = ServiceProcess.start(root, spec, work.resolve("logs-second"))) {
                second.awaitHealthy(Duration.ofMinutes(3));
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                        .until(() -> ConsumerGroupProgress.caughtUp(admin, bootstrap, group, topics.raw()));
            }
        }

        List<ConsumerRecord<String, byte[]>> annotated = TopicReader.readAll(bootstrap, topics.annotated(), Duration.ofSeconds(30));
        assertThat(annotated.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                .as("every item annotated").isEqualTo(events.stream().map(FeedbackEvent::id).collect(Collectors.toSet()));
        assertThat(TopicReader.readAll(bootstrap, topics.dlq(), Duration.ofSeconds(5))).isEmpty();
        assertThat((long) annotated.size()).as("annotated twice: exactly those written but not committed at the kill")
                .isEqualTo(ITEMS + (writtenAtKill - committedAtKill));
    }

    private static void produce(String bootstrap, String topic, List<FeedbackEvent> events) {
        var serde = JsonSerde.of(FeedbackEvent.class);
        try (var producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            events.forEach(event -> producer.send(new ProducerRecord<>(topic, event.id(), serde.serialize(topic, event))));
            producer.flush();
        }
    }
}
