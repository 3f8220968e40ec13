package io.github.vocstream.ingest.webhook.freshdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Freshdesk deliveries on a real broker: a shared secret or Basic credentials let them in, nothing else does. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreshdeskWebhookIT extends RawTopicIT {

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.webhooks.freshdesk.secrets", "fd-shared-secret", "voc.webhooks.freshdesk.basic", "freshdesk:fd-password");
    }

    @Test
    void aDeliveryWithTheSecretOrTheCredentialsIsPublished() throws IOException {
        byte[] body = fixture();
        String basic = "Basic " + Base64.getEncoder().encodeToString("freshdesk:fd-password".getBytes(StandardCharsets.UTF_8));

        var withSecret = HttpCalls.postJson(uri("/v1/webhooks/freshdesk"), body, Map.of("X-Webhook-Secret", "fd-shared-secret"));
        var withBasic = HttpCalls.postJson(uri("/v1/webhooks/freshdesk"), body, Map.of("Authorization", basic));

        assertThat(withSecret.statusCode()).as(withSecret.body()).isEqualTo(202);
        assertThat(HttpCalls.json(withBasic).get("ids")).extracting(JsonNode::textValue).containsExactly("freshdesk:ticket-8123");
        assertThat(readUntil("freshdesk:ticket-8123")).extracting(ConsumerRecord::key).contains("freshdesk:ticket-8123");
    }

    @Test
    void aWrongSecretOrWrongCredentialsPublishNothing() throws IOException {
        String begin = postMarker();
        byte[] body = new String(fixture(), StandardCharsets.UTF_8).replace("8123", "8999").getBytes(StandardCharsets.UTF_8);
        String wrong = "Basic " + Base64.getEncoder().encodeToString("freshdesk:guess".getBytes(StandardCharsets.UTF_8));

        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/freshdesk"), body, Map.of("X-Webhook-Secret", "a-guess")), 401);
        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/freshdesk"), body, Map.of("Authorization", wrong)), 401);
        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/freshdesk"), body, Map.of()), 401);

        assertNothingPublishedSince(begin, "freshdesk:ticket-8999");
    }

    private static byte[] fixture() {
        return fixture("freshdesk/ticket-webhook.json");
    }
}
