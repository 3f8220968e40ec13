package io.github.vocstream.ingest.webhook.standard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Standard Webhooks deliveries on a real broker: signed ones become feedback, anything else publishes nothing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardWebhookIT extends RawTopicIT {

    private static final String SECRET = StandardWebhookSignatureTest.SECRET;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.webhooks.standard.secrets.acme", "whsec_b2xkLW9uZQ==," + SECRET);
    }

    @Test
    void aSignedDeliveryIsPublishedWithItsItemsIds() throws GeneralSecurityException {
        byte[] body = items("acme", "sw-1", "My card was charged twice, call me at +44 20 7946 0958.");

        var response = post("acme", body, "msg_1", now(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(HttpCalls.json(response).get("ids")).extracting(JsonNode::textValue).containsExactly("acme:sw-1");
        ConsumerRecord<String, byte[]> record = readUntil("acme:sw-1").stream()
                .filter(r -> r.key().equals("acme:sw-1")).findFirst().orElseThrow();
        FeedbackEvent event = JsonSerde.of(FeedbackEvent.class).deserialize(rawTopic, record.value());
        assertThat(event.text()).isEqualTo("My card was charged twice, call me at [phone].");
    }

    @Test
    void badDeliveriesAreRefusedAndPublishNothing() throws GeneralSecurityException {
        byte[] body = items("acme", "sw-bad", "Refused.");
        byte[] tampered = items("acme", "sw-bad", "Refused!");
        String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());

        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/standard/acme"), tampered, Map.of(
                StandardWebhookSignature.ID_HEADER, "msg_2", StandardWebhookSignature.TIMESTAMP_HEADER, now(),
                StandardWebhookSignature.SIGNATURE_HEADER, StandardWebhookSignatureTest.sign(SECRET, "msg_2", now(), body))), 401);
        assertProblem(post("acme", body, "msg_3", stale, null), 401);
        assertProblem(post("acme", body, "msg_4", now(), "whsec_d3Jvbmc="), 401);
        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/standard/acme"), body, Map.of()), 401);
        // A source nobody configured is closed, and a signed item may not speak for another source.
        assertProblem(post("other", items("other", "sw-bad", "Refused."), "msg_5", now(), null), 401);
        var wrongSource = post("acme", items("zendesk", "sw-bad", "Refused."), "msg_6", now(), null);
        assertProblem(wrongSource, 400);
        assertThat(HttpCalls.json(wrongSource).get("errors").get(0).get("field").textValue()).isEqualTo("source");

        assertNothingPublished("acme:sw-bad", "other:sw-bad", "zendesk:sw-bad");
    }

    private HttpResponse<String> post(String source, byte[] body, String id, String timestamp, String secret)
            throws GeneralSecurityException {
        return HttpCalls.postJson(uri("/v1/webhooks/standard/" + source), body, Map.of(
                StandardWebhookSignature.ID_HEADER, id,
                StandardWebhookSignature.TIMESTAMP_HEADER, timestamp,
                StandardWebhookSignature.SIGNATURE_HEADER,
                StandardWebhookSignatureTest.sign(secret == null ? SECRET : secret, id, timestamp, body)));
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static byte[] items(String source, String externalId, String text) {
        return ("{\"source\":\"" + source + "\",\"externalId\":\"" + externalId + "\",\"channel\":\"ticket\",\"text\":\""
                + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
