package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.Headers;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.localkafka.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackControllerIT implements TestPropertyProvider {

    private final String rawTopic = "raw-" + UUID.randomUUID();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 2, List.of(rawTopic));
        return Map.of("kafka.bootstrap.servers", bootstrap, "voc.topics.raw", rawTopic);
    }

    @Test
    void acceptedItemsAreInKafkaKeyedByTheirIdBeforeThe202() {
        var response = HttpCalls.postJson(feedback(), """
                [{"source":"trustpilot","externalId":"r-1","channel":"review","text":"Lovely staff.",
                  "segments":{"region":"EU"}},
                 {"source":"trustpilot","externalId":"r-2","channel":"review","text":"The refund took six weeks."}]""");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = HttpCalls.json(response);
        assertThat(body.get("accepted").intValue()).isEqualTo(2);
        assertThat(body.get("ids")).extracting(JsonNode::textValue).containsExactly("trustpilot:r-1", "trustpilot:r-2");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readCount(
                SharedKafka.broker().bootstrapServers(), rawTopic, 2, Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("trustpilot:r-1", "trustpilot:r-2");
        ConsumerRecord<String, byte[]> first = records.stream().filter(r -> r.key().equals("trustpilot:r-1")).findFirst().orElseThrow();
        assertThat(new String(first.headers().lastHeader(Headers.FEEDBACK_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo("trustpilot:r-1");
        FeedbackEvent event = JsonSerde.of(FeedbackEvent.class).deserialize(rawTopic, first.value());
        assertThat(event.text()).isEqualTo("Lovely staff.");
        assertThat(event.segments()).containsEntry("region", "EU");
    }

    @Test
    void healthReportsUp() {
        var response = HttpCalls.get(server.getURI().resolve("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.json(response).get("status").textValue()).isEqualTo("UP");
    }

    private URI feedback() {
        return server.getURI().resolve("/v1/feedback");
    }
}
