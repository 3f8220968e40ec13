package io.github.vocstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sources declared open on a real broker: without a secret of their own they take unsigned deliveries; one that
 * has a secret, and every source not declared, still refuses them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenWebhooksIT extends RawTopicIT {

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.webhooks.open", "trustpilot,standard/demo,zendesk",
                "voc.webhooks.zendesk.secrets", "zendesk-has-a-secret");
    }

    @Test
    void anOpenSourceWithoutASecretTakesUnsignedDeliveries() {
        var review = HttpCalls.postJson(uri("/v1/webhooks/trustpilot/any-path"), fixture("trustpilot/review-events.json"), Map.of());
        var item = HttpCalls.postJson(uri("/v1/webhooks/standard/demo"), item("demo", "open-1"), Map.of());

        assertThat(review.statusCode()).as(review.body()).isEqualTo(202);
        assertThat(item.statusCode()).as(item.body()).isEqualTo(202);
        assertThat(HttpCalls.json(item).get("ids")).extracting(JsonNode::textValue).containsExactly("demo:open-1");
        assertThat(readUntil("demo:open-1")).extracting(record -> record.key())
                .contains("trustpilot:review-6560a1b2c3d4e5f607182930", "demo:open-1");
    }

    @Test
    void aSourceWithASecretOrNotDeclaredOpenStillRefusesUnsignedDeliveries() {
        String begin = postMarker();

        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/zendesk"), fixture("zendesk/ticket-created.json"), Map.of()), 401);
        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/intercom"), fixture("intercom/conversation-user-created.json"), Map.of()), 401);
        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/standard/other"), item("other", "open-2"), Map.of()), 401);

        assertNothingPublishedSince(begin, "other:open-2", "zendesk:ticket-4711", "intercom:conversation-147000000001");
    }

    private static byte[] item(String source, String externalId) {
        return ("{\"source\":\"" + source + "\",\"externalId\":\"" + externalId + "\",\"channel\":\"ticket\","
                + "\"text\":\"Sent without a signature.\"}").getBytes(StandardCharsets.UTF_8);
    }
}
