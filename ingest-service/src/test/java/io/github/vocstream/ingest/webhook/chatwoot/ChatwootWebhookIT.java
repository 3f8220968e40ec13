package io.github.vocstream.ingest.webhook.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Chatwoot deliveries on a real broker: signed customer messages become feedback, anything else publishes nothing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatwootWebhookIT extends RawTopicIT {

    private static final String SECRET = "chatwoot-webhook-secret";

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.webhooks.chatwoot.secrets", SECRET);
    }

    @Test
    void aSignedIncomingMessageIsPublishedAndARedeliveryKeepsItsId() throws Exception {
        byte[] body = fixture("chatwoot/message-created-incoming.json");

        var first = post(body, now(), null);
        var redelivery = post(body, now(), null);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(HttpCalls.json(redelivery).get("ids")).extracting(JsonNode::textValue).containsExactly("chatwoot:message-90210");
        assertThat(readUntil("chatwoot:message-90210")).extracting(ConsumerRecord::key).contains("chatwoot:message-90210");
        var agent = post(fixture("chatwoot/message-created-outgoing.json"), now(), null);
        assertThat(HttpCalls.json(agent).get("accepted").intValue()).isZero();
    }

    @Test
    void badDeliveriesAreRefusedAndPublishNothing() throws Exception {
        String begin = postMarker();
        byte[] body = new String(fixture("chatwoot/message-created-incoming.json"), StandardCharsets.UTF_8)
                .replace("90210", "90299").getBytes(StandardCharsets.UTF_8);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("failing", "working").getBytes(StandardCharsets.UTF_8);
        String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());

        assertProblem(post(tampered, now(), ChatwootSignatureTest.sign(SECRET, now(), body)), 401);
        assertProblem(post(body, now(), ChatwootSignatureTest.sign("a-guess", now(), body)), 401);
        assertProblem(post(body, stale, null), 401);
        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/chatwoot"), body, Map.of()), 401);

        assertNothingPublishedSince(begin, "chatwoot:message-90299");
    }

    private HttpResponse<String> post(byte[] body, String timestamp, String signature) throws GeneralSecurityException {
        return HttpCalls.postJson(uri("/v1/webhooks/chatwoot"), body, Map.of(
                "x-chatwoot-timestamp", timestamp,
                "x-chatwoot-signature", signature == null ? ChatwootSignatureTest.sign(SECRET, timestamp, body) : signature));
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }
}
