package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Retractions on a real broker: each becomes a record under the feedback id without a value, or none does. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetractionIT extends RawTopicIT {

    private static final String KEY = "k-privacy-desk-5e1d";

    @Override
    protected String clientKey() {
        return KEY;
    }

    @Test
    void eachRetractionIsATombstoneUnderItsFeedbackId() {
        var response = post("""
                [{"source":"zendesk","externalId":"ticket-4711"},
                 {"source":"mastodon","externalId":"https://fosstodon.org/users/kim/statuses/113520000000000001"}]""", KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = HttpCalls.json(response);
        assertThat(answer.get("accepted").intValue()).isZero();
        // A Mastodon status is retracted under the hashed id its post was published under.
        String status = "mastodon:" + ExternalIds.of("mastodon", "https://fosstodon.org/users/kim/statuses/113520000000000001");
        assertThat(answer.get("retracted")).extracting(JsonNode::textValue).containsExactly("zendesk:ticket-4711", status);
        assertThat(readUntil(status))
                .filteredOn(record -> record.key().startsWith("zendesk:") || record.key().startsWith("mastodon:"))
                .allSatisfy(record -> assertThat(record.value()).isNull())
                .extracting(ConsumerRecord::key).containsExactly("zendesk:ticket-4711", status);
    }

    @Test
    void aBadItemOrAMissingKeyRetractsNothing() {
        String begin = postMarker();

        var invalid = post("""
                [{"source":"zendesk","externalId":"ticket-1"}, {"source":"Not A Source"}, {"externalId":7}, "zendesk:ticket-2"]""", KEY);
        assertProblem(invalid, 400);
        assertThat(invalid.body()).contains("[1].source", "[1].externalId", "[2].source", "[2].externalId", "[3]")
                .doesNotContain("[0].");
        assertProblem(post("{\"source\":\"zendesk\",\"externalId\":\"ticket-3\"}", "not-the-key"), 401);

        assertNothingPublishedSince(begin, "zendesk:ticket-1", "zendesk:ticket-3");
    }

    private HttpResponse<String> post(String body, String key) {
        return HttpCalls.postJson(uri("/v1/feedback/retractions"), body.getBytes(StandardCharsets.UTF_8), Map.of(ApiKeys.HEADER, key));
    }
}
