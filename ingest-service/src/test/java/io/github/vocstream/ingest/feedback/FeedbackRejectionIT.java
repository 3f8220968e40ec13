package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.localkafka.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bad input gets the right 4xx as problem+json, and the topic proves that nothing of it was published. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackRejectionIT implements TestPropertyProvider {

    private final String rawTopic = "raw-" + UUID.randomUUID();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 1, List.of(rawTopic));
        return Map.of("kafka.bootstrap.servers", bootstrap, "voc.topics.raw", rawTopic);
    }

    @Test
    void badRequestsAreRefusedAndPublishNothing() {
        assertProblem(HttpCalls.postJson(feedback(), "{\"source\":\"generic\", "), 400, "body");
        assertProblem(HttpCalls.postJson(feedback(),
                "{\"source\":\"generic\",\"externalId\":\"bad-1\",\"channel\":\"review\"}"), 400, "text");
        assertProblem(HttpCalls.postJson(feedback(),
                "{\"source\":\"generic\",\"externalId\":\"bad-2\",\"channel\":\"review\",\"text\":[\"hi\"],\"rating\":\"5\"}"),
                400, "text", "rating");
        // One bad item spoils the whole request: the good one beside it is not published either.
        assertProblem(HttpCalls.postJson(feedback(), "[" + item("bad-3", "Good.") + ","
                + "{\"source\":\"generic\",\"externalId\":\"bad-4\",\"channel\":\"review\",\"text\":\"\"}]"), 400, "[1].text");
        String oversized = item("bad-5", "x".repeat(1_100_000));
        assertProblem(HttpCalls.postJson(feedback(), oversized), 413);
        assertProblem(HttpCalls.post(feedback(), "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415);

        var marker = HttpCalls.postJson(feedback(), item("marker", "Written after the bad requests."));
        assertThat(marker.statusCode()).isEqualTo(202);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(SharedKafka.broker().bootstrapServers(),
                rawTopic, record -> record.key().equals("generic:marker"), Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("generic:marker");
    }

    @Test
    void unknownRoutesAreProblemsToo() {
        assertProblem(HttpCalls.get(server.getURI().resolve("/v1/nothing-here")), 404);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String... fields) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = HttpCalls.json(response);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("title").textValue()).isNotBlank();
        if (fields.length > 0) {
            assertThat(problem.get("errors")).extracting(error -> error.get("field").textValue())
                    .containsExactlyInAnyOrder(fields);
        }
    }

    private URI feedback() {
        return server.getURI().resolve("/v1/feedback");
    }

    private static String item(String externalId, String text) {
        return "{\"source\":\"generic\",\"externalId\":\"" + externalId + "\",\"channel\":\"review\",\"text\":\"" + text + "\"}";
    }
}
