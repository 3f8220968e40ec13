package io.github.vocstream.ingest.webhook.intercom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.github.vocstream.ingest.webhook.HubSignature;
import io.github.vocstream.ingest.webhook.HubSignatureTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Intercom deliveries on a real broker: signed ones become feedback, anything else is refused and publishes nothing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntercomWebhookIT extends RawTopicIT {

    private static final String SECRET = "intercom-client-secret";

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.webhooks.intercom.secrets", SECRET);
    }

    @Test
    void aSignedReplyIsPublishedAndARetryKeepsItsId() throws Exception {
        byte[] body = fixture("intercom/conversation-user-replied.json");
        String id = "intercom:conversation-147000000001-part-31000000003";

        var first = post(body, HubSignatureTest.sign(SECRET, body));
        var retry = post(body, HubSignatureTest.sign(SECRET, body));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(HttpCalls.json(retry).get("ids")).extracting(JsonNode::textValue).containsExactly(id);
        List<ConsumerRecord<String, byte[]>> records = readUntil(id);
        FeedbackEvent event = JsonSerde.of(FeedbackEvent.class).deserialize(rawTopic, records.get(records.size() - 1).value());
        assertThat(event.text()).isEqualTo("It is now two weeks late.\nThis is the worst delivery service I have used.");
        assertThat(event.channel().key()).isEqualTo("ticket");
    }

    @Test
    void thePingOfANewWebhookGetsA200() throws Exception {
        byte[] body = fixture("intercom/ping.json");

        var response = post(body, HubSignatureTest.sign(SECRET, body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(HttpCalls.json(response).get("accepted").intValue()).isZero();
    }

    @Test
    void badDeliveriesAreRefusedAndPublishNothing() throws Exception {
        byte[] body = fixture("intercom/conversation-user-created.json");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("#A-1009", "#A-1010").getBytes(StandardCharsets.UTF_8);

        assertProblem(post(tampered, HubSignatureTest.sign(SECRET, body)), 401);
        assertProblem(post(body, HubSignatureTest.sign("a-guess", body)), 401);
        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/intercom"), body, Map.of()), 401);
        byte[] notJson = "{\"type\": \"notification_event\", \"topic\": ".getBytes(StandardCharsets.UTF_8);
        assertProblem(post(notJson, HubSignatureTest.sign(SECRET, notJson)), 400);

        assertNothingPublished("intercom:conversation-147000000001");
    }

    private HttpResponse<String> post(byte[] body, String signature) {
        return HttpCalls.postJson(uri("/v1/webhooks/intercom"), body, Map.of(HubSignature.HEADER, signature));
    }
}
