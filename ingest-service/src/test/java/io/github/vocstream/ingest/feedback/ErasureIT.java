package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Erasure;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.ingest.RawTopicIT;
import io.github.vocstream.testkit.SharedKafka;
import io.github.vocstream.localkafka.TopicReader;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Erasure requests on a real broker: hashed as items' authors are, one record on the erasures topic, or none. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureIT extends RawTopicIT {

    private static final String KEY = "k-privacy-desk-77c1";

    @Inject
    AuthorPseudonyms authors;

    @Override
    protected String clientKey() {
        return KEY;
    }

    @Test
    void anErasureIsPublishedWithTheAuthorsHashesAndNeverTheirReferences() {
        Instant before = Instant.now();
        var response = post("""
                [{"source":"zendesk","author":"jane.doe@example.com"}, {"source":"trustpilot","author":"5f9c1a77"}]""", KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = HttpCalls.json(response);
        String id = answer.get("erasureId").textValue();
        assertThat(id).matches("e-[0-9a-f]{24}");
        assertThat(answer.get("references").intValue()).isEqualTo(2);
        assertThat(answer.get("status").textValue()).isEqualTo("/v1/erasures/" + id);

        List<ConsumerRecord<String, byte[]>> upToIt = TopicReader.readUntil(SharedKafka.broker().bootstrapServers(), erasuresTopic,
                candidate -> candidate.key().equals(id), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> record = upToIt.get(upToIt.size() - 1);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("jane", "example.com", "5f9c1a77");
        Erasure erasure = JsonSerde.of(Erasure.class).deserializer().deserialize(erasuresTopic, record.value());
        assertThat(erasure.id()).isEqualTo(id);
        assertThat(erasure.client()).isEqualTo("client 'test-client'");
        assertThat(erasure.references()).isEqualTo(2);
        assertThat(erasure.requestedAt()).isBetween(before, Instant.now());
        // The hashes an item of each would carry: what the aggregator finds their items by.
        assertThat(erasure.authors()).containsExactly(authors.hash("zendesk", "jane.doe@example.com"),
                authors.hash("trustpilot", "5f9c1a77"));
    }

    @Test
    void aBadReferenceOrAMissingKeyPublishesNothing() {
        var invalid = post("""
                [{"source":"zendesk","author":"jane@example.com"}, {"source":"Not A Source","author":" "}, {"author":7}, "jane"]""", KEY);
        assertProblem(invalid, 400);
        assertThat(invalid.body()).contains("[1].source", "[1].author", "[2].source", "[2].author", "[3]").doesNotContain("[0].");
        assertProblem(post("{\"source\":\"zendesk\",\"author\":\"jane@example.com\"}", "not-the-key"), 401);
        assertProblem(post("[]", KEY), 400);

        // Everything published before a later erasure: none of it names Jane, whose requests were all refused.
        String later = HttpCalls.json(post("{\"source\":\"zendesk\",\"author\":\"someone@example.com\"}", KEY))
                .get("erasureId").textValue();
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(SharedKafka.broker().bootstrapServers(), erasuresTopic,
                candidate -> candidate.key().equals(later), Duration.ofSeconds(30));
        assertThat(records).extracting(record -> JsonSerde.of(Erasure.class).deserializer().deserialize(erasuresTopic, record.value()))
                .flatExtracting(Erasure::authors).doesNotContain(authors.hash("zendesk", "jane@example.com"));
    }

    private HttpResponse<String> post(String body, String key) {
        return HttpCalls.postJson(uri("/v1/erasures"), body.getBytes(StandardCharsets.UTF_8), Map.of(ApiKeys.HEADER, key));
    }
}
