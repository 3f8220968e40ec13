package io.github.vocstream.localkafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning in a fresh consumer group, for tests that check what was (or was not)
 * published. Reading until a known record arrives proves that nothing else came before it, without sleeping.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record up to and including the first that {@code last} accepts; fails after {@code timeout}. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, byte[]>> last, Duration timeout) {
        return read(bootstrapServers, topic, timeout, records -> !records.isEmpty() && last.test(records.get(records.size() - 1)));
    }

    /** The first {@code count} records of the topic; fails after {@code timeout}. */
    public static List<ConsumerRecord<String, byte[]>> readCount(String bootstrapServers, String topic, int count,
            Duration timeout) {
        return read(bootstrapServers, topic, timeout, records -> records.size() >= count);
    }

    /**
     * Every committed record of the topic at the time of the call, in partition order: reads each partition up to its
     * end offset (for committed records, the last stable offset) as the broker gives it when asked.
     */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(settings(bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("gave up reading " + topic + " after " + timeout + "; read " + records.size() + " records");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static Map<String, Object> settings(String bootstrapServers) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic, Duration timeout,
            Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(settings(bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (done.test(records)) {
                        return records;
                    }
                }
            }
        }
        throw new AssertionError("gave up reading " + topic + " after " + timeout + "; read " + records.size() + " records");
    }
}
