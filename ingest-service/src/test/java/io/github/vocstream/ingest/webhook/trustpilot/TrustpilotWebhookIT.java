package io.github.vocstream.ingest.webhook.trustpilot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Trustpilot deliveries on a real broker: with the URL's token they become reviews, without it nothing is published. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustpilotWebhookIT extends RawTopicIT {

    private static final String TOKEN = "tp-5f0c7a9e2b";

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.webhooks.trustpilot.tokens", "old-token," + TOKEN);
    }

    @Test
    void aBatchWithTheRightTokenIsPublishedReviewByReview() throws IOException {
        var response = HttpCalls.postJson(uri("/v1/webhooks/trustpilot/" + TOKEN), fixture(), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(HttpCalls.json(response).get("ids")).extracting(JsonNode::textValue)
                .containsExactly("trustpilot:review-6560a1b2c3d4e5f607182930", "trustpilot:review-6560a1b2c3d4e5f607182932");
        ConsumerRecord<String, byte[]> last = readUntil("trustpilot:review-6560a1b2c3d4e5f607182932").stream()
                .reduce((first, second) -> second).orElseThrow();
        assertThat(JsonSerde.of(FeedbackEvent.class).deserialize(rawTopic, last.value()).rating()).isEqualTo(5);
    }

    @Test
    void aWrongTokenOrABadBatchPublishesNothing() throws IOException {
        String begin = postMarker();
        byte[] body = new String(fixture(), StandardCharsets.UTF_8).replace("6560a1b2c3d4e5f6071829", "7777")
                .getBytes(StandardCharsets.UTF_8);
        byte[] badStars = new String(body, StandardCharsets.UTF_8).replace("\"stars\": 5", "\"stars\": \"five\"")
                .getBytes(StandardCharsets.UTF_8);

        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/trustpilot/a-guess"), body, Map.of()), 401);
        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/trustpilot/" + TOKEN), badStars, Map.of()), 400);

        assertNothingPublishedSince(begin, "trustpilot:review-777730", "trustpilot:review-777732");
    }

    private static byte[] fixture() {
        return fixture("trustpilot/review-events.json");
    }
}
