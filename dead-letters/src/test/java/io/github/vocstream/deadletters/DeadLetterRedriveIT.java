package io.github.vocstream.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.kafka.Headers;
import io.github.vocstream.testkit.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Dead letters go back to the topic they were read from, on a real broker, each once per group. */
class DeadLetterRedriveIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String raw = "raw-" + suffix;
    private final String annotated = "annotated-" + suffix;
    private final String dlq = "dlq-" + suffix;
    private final String bootstrap = SharedKafka.broker().bootstrapServers();

    @Test
    void aServicesDeadLettersGoBackWhereTheyCameFromOnceEach() throws Exception {
        TopicAdmin.ensureTopics(bootstrap, 2, List.of(raw, annotated, dlq));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(deadLetter("zendesk:ticket-1", "{\"text\":\"long\"}", raw + "-1@17", "sentiment-service",
                    "annotation took longer than PT30S")).get();
            producer.send(deadLetter("zendesk:ticket-2", "{\"x\":1}", annotated + "-0@3", "aggregator-service",
                    "value is not annotated feedback")).get();
            producer.send(deadLetter(null, "{}", null, "sentiment-service", "a retraction must be keyed by the feedback id")).get();
        }
        var onlySentiment = new DeadLetterRedrive.Options(bootstrap, dlq, "redrive-" + suffix, "sentiment-service", null, false);

        DeadLetterRedrive.Summary first = DeadLetterRedrive.run(onlySentiment);

        assertThat(first.redriven()).isEqualTo(1);
        assertThat(first.passedOver()).isEqualTo(1);
        assertThat(first.withoutSource()).isEqualTo(1);
        assertThat(first.lines()).anySatisfy(line -> assertThat(line).contains(raw + "-1@17", "annotation took longer than PT30S")
                .doesNotContain("long\""));
        ConsumerRecord<String, byte[]> back = TopicReader.readCount(bootstrap, raw, 1, Duration.ofSeconds(30)).get(0);
        assertThat(back.key()).isEqualTo("zendesk:ticket-1");
        assertThat(new String(back.value(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"long\"}");
        assertThat(back.headers().lastHeader(Headers.FEEDBACK_ID).value()).isEqualTo("zendesk:ticket-1".getBytes(StandardCharsets.UTF_8));
        assertThat(back.headers().lastHeader(Headers.DLQ_REASON)).isNull();
        assertThat(back.headers().lastHeader(DeadLetter.REDRIVEN_FROM)).isNotNull();

        // The group remembers how far it got: a second run sends nothing again.
        assertThat(DeadLetterRedrive.run(onlySentiment).redriven()).isZero();
        // A dry run with another group lists what it would send, and sends nothing.
        var dryRun = new DeadLetterRedrive.Options(bootstrap, dlq, "look-" + suffix, null, "not annotated", true);
        DeadLetterRedrive.Summary listed = DeadLetterRedrive.run(dryRun);
        assertThat(listed.redriven()).isEqualTo(1);
        assertThat(listed.lines()).anySatisfy(line -> assertThat(line).contains("would go back to " + annotated + "-0@3"));
        assertThat(recordsIn(annotated)).isZero();
    }

    private long recordsIn(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ProducerRecord<String, byte[]> deadLetter(String key, String value, String source, String service, String reason) {
        var record = new ProducerRecord<>(dlq, key, value.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            record.headers().add(Headers.FEEDBACK_ID, key.getBytes(StandardCharsets.UTF_8));
        }
        Headers.addDeadLetter(record.headers(), reason, null, source, service);
        return record;
    }
}
