package io.github.vocstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.testkit.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A restarted local stack sends only the samples the raw topic does not hold yet. */
class SampleReplayIT {

    @Test
    void samplesAlreadyInTheRawTopicAreNotSentAgain() throws Exception {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        String raw = "raw-replay-" + UUID.randomUUID();
        TopicAdmin.ensureTopics(bootstrap, 3, List.of(raw));
        List<SampleReviews.Review> reviews = List.of(review("line-1"), review("line-2"), review("line-3"));
        try (var producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(raw, "amazon-reviews:line-2", "{}".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }

        assertThat(SampleReplay.notYetIn(bootstrap, raw, reviews)).extracting(SampleReviews.Review::externalId)
                .containsExactly("line-1", "line-3");
    }

    private static SampleReviews.Review review(String line) {
        return new SampleReviews.Review("amazon-reviews", line, "Works great.", true, Map.of());
    }
}
