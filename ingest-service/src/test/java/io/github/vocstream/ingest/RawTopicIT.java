package io.github.vocstream.ingest;

import io.github.vocstream.localkafka.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The ingest service on the shared broker, publishing to a raw topic of its own with one partition: its order is
 * total, so reading up to a record posted later shows everything published before it.
 */
public abstract class RawTopicIT implements TestPropertyProvider {

    protected final String rawTopic = "raw-" + UUID.randomUUID();

    @Inject
    protected EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 1, List.of(rawTopic));
        Map<String, String> properties = new HashMap<>(Map.of("kafka.bootstrap.servers", bootstrap, "voc.topics.raw", rawTopic));
        properties.putAll(moreProperties());
        return properties;
    }

    /** Settings a test class adds to the broker and topic. */
    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    /** Every record of the raw topic up to the first with {@code key}. */
    protected List<ConsumerRecord<String, byte[]>> readUntil(String key) {
        return TopicReader.readUntil(SharedKafka.broker().bootstrapServers(), rawTopic,
                record -> record.key().equals(key), Duration.ofSeconds(30));
    }

    protected URI uri(String path) {
        return server.getURI().resolve(path);
    }
}
