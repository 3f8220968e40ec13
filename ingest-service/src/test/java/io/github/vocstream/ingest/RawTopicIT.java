package io.github.vocstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.feedback.ApiKeys;
import io.github.vocstream.ingest.feedback.Client;
import io.github.vocstream.testkit.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    protected final String erasuresTopic = "erasures-" + UUID.randomUUID();

    @Inject
    protected EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 1, List.of(rawTopic, erasuresTopic));
        // The generic API is open here, unless a test class names its client key.
        Map<String, String> properties = new HashMap<>(Map.of("kafka.bootstrap.servers", bootstrap, "voc.topics.raw", rawTopic,
                "voc.topics.erasures", erasuresTopic, "voc.ingest.open", "true"));
        if (clientKey() != null) {
            properties.putAll(Map.of("voc.ingest.open", "false", "voc.ingest.api-keys.test-client", clientKey(),
                    "voc.ingest.client-sources.test-client", Client.ANY_SOURCE));
        }
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

    /** Posts a marker item, then proves that none of {@code keys} was published before it. */
    protected void assertNothingPublished(String... keys) {
        assertThat(readUntil(postMarker())).extracting(ConsumerRecord::key).doesNotContain(keys);
    }

    /** Proves that none of {@code keys} was published after {@code beginMarker} (from {@link #postMarker}). */
    protected void assertNothingPublishedSince(String beginMarker, String... keys) {
        List<ConsumerRecord<String, byte[]>> records = readUntil(postMarker());
        int begin = records.stream().map(ConsumerRecord::key).toList().indexOf(beginMarker);
        assertThat(begin).as("the begin marker was published").isNotNegative();
        assertThat(records.subList(begin, records.size())).extracting(ConsumerRecord::key).doesNotContain(keys);
    }

    /** Publishes a marker item through the API and returns its key. */
    protected String postMarker() {
        String marker = "marker-" + UUID.randomUUID();
        var response = HttpCalls.postJson(uri("/v1/feedback"), ("{\"source\":\"generic\",\"externalId\":\"" + marker
                + "\",\"channel\":\"review\",\"text\":\"A marker.\"}").getBytes(StandardCharsets.UTF_8), markerHeaders());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return "generic:" + marker;
    }

    /** The one client key that closes the generic API to all others; null leaves it open. Markers are posted with it. */
    protected String clientKey() {
        return null;
    }

    /** Headers the marker is posted with: the client key, or none while the generic API is open. */
    protected Map<String, String> markerHeaders() {
        return clientKey() == null ? Map.of() : Map.of(ApiKeys.HEADER, clientKey());
    }

    protected static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /** A payload from {@code src/test/resources/fixtures}, e.g. {@code zendesk/ticket-created.json}. */
    protected static byte[] fixture(String path) {
        return IngestEndpoints.fixture(path);
    }

    protected URI uri(String path) {
        return server.getURI().resolve(path);
    }
}
