package io.github.vocstream.localkafka;

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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer group has committed everything written to a topic: how a test knows that a stage has seen
 * every record, so that "the count did not change" is a finding and not a race.
 */
public final class ConsumerGroupProgress {

    private ConsumerGroupProgress() {
    }

    public static boolean caughtUp(String bootstrapServers, String groupId, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return caughtUp(admin, groupId, topic);
        }
    }

    /** The same with a client the caller keeps, for callers that ask often. */
    public static boolean caughtUp(Admin admin, String groupId, String topic) {
        try {
            Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            // Transaction markers take offsets too, so "caught up" means committed at or past the end.
            return partitions.stream().allMatch(partition -> ends.get(partition).offset() == 0
                    || committed.get(partition) != null && committed.get(partition).offset() >= ends.get(partition).offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
