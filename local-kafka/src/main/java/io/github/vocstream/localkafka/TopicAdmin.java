package io.github.vocstream.localkafka;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the topics a stack needs, with their settings ({@code TopicSettings}); an existing topic keeps its
 * partitions but gets the settings given for it, so a stack created before them converges. Returns once every
 * partition has a leader: an idempotent producer that starts writing before that can get stuck retrying
 * out-of-order batches.
 */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    /** Topics with the broker's default settings. */
    public static void ensureTopics(String bootstrapServers, int partitions, Collection<String> names) {
        Map<String, Map<String, String>> withDefaults = new LinkedHashMap<>();
        names.forEach(name -> withDefaults.put(name, Map.of()));
        ensureTopics(bootstrapServers, partitions, withDefaults);
    }

    /** Topics by name, each with its settings. */
    public static void ensureTopics(String bootstrapServers, int partitions, Map<String, Map<String, String>> settings) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = settings.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), partitions, (short) 1).configs(topic.getValue()))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            alter(admin, settings, existing);
            awaitLeaders(admin, settings.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + settings.keySet() + " on " + bootstrapServers, e);
        }
    }

    /** Sets on existing topics the settings given for them (a test that makes compaction happen now, say). */
    public static void configure(String bootstrapServers, Map<String, Map<String, String>> settings) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            alter(admin, settings, settings.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot configure topics " + settings.keySet() + " on " + bootstrapServers, e);
        }
    }

    private static void alter(Admin admin, Map<String, Map<String, String>> settings, Set<String> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        settings.forEach((topic, configs) -> {
            if (existing.contains(topic) && !configs.isEmpty()) {
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), configs.entrySet().stream()
                        .map(config -> new AlterConfigOp(new ConfigEntry(config.getKey(), config.getValue()), AlterConfigOp.OpType.SET))
                        .toList());
            }
        });
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitLeaders(Admin admin, Collection<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean led;
            try {
                Map<String, TopicDescription> topics = admin.describeTopics(Set.copyOf(names)).allTopicNames().get(30, TimeUnit.SECONDS);
                led = topics.values().stream()
                        .allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null));
            } catch (ExecutionException e) {
                // Right after creation the broker's metadata may not know the topic yet: not led yet, ask again.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                led = false;
            }
            if (led) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + names + " have no leader after 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
