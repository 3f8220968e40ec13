package io.github.vocstream.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether a consumer group has committed everything written to a topic: how a test knows that a stage has seen
 * every record, so that "the count did not change" is a finding and not a race. Transaction markers take offsets
 * too, and a consumer that commits record by record stops before the marker of the last transaction: past its
 * committed offset there must be no record a reader of committed records would see.
 */
public final class ConsumerGroupProgress {

    private ConsumerGroupProgress() {
    }

    public static boolean caughtUp(String bootstrapServers, String groupId, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return caughtUp(admin, bootstrapServers, groupId, topic);
        }
    }

    /** The same with a client the caller keeps, for callers that ask often. */
    public static boolean caughtUp(Admin admin, String bootstrapServers, String groupId, String topic) {
        try {
            Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> behind = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition).offset();
                long at = committed.get(partition) == null ? 0 : committed.get(partition).offset();
                if (at < end) {
                    behind.put(partition, at);
                }
            }
            return behind.isEmpty() || onlyMarkersAfter(bootstrapServers, behind, ends);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Whether a reader of committed records finds nothing between each partition's offset and its end. */
    private static boolean onlyMarkersAfter(String bootstrapServers, Map<TopicPartition, Long> from,
                                            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            for (int poll = 0; poll < 5; poll++) {
                if (!consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                    return false;
                }
                if (from.keySet().stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition).offset())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** How many records of {@code topic} the group has committed, summed over partitions (markers count as records). */
    public static long committed(Admin admin, String groupId, String topic) throws Exception {
        return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).entrySet()
                .stream().filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset()).sum();
    }

    /** How many records were written to {@code topic}, summed over partitions: the sum of their end offsets. */
    public static long written(Admin admin, String topic) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toSet());
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }
}
