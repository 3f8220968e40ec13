package io.github.vocstream.ingest.webhook.helpscout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Help Scout deliveries on a real broker: signed customer threads become feedback, anything else publishes nothing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpScoutWebhookIT extends RawTopicIT {

    private static final String SECRET = "helpscout-secret-key";

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.webhooks.helpscout.secrets", SECRET);
    }

    @Test
    void aSignedCustomerReplyIsPublished() throws Exception {
        byte[] body = fixture();

        var response = post(body, HelpScoutSignatureTest.sign(SECRET, body), "convo.customer.reply.created");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(HttpCalls.json(response).get("ids")).extracting(JsonNode::textValue).containsExactly("helpscout:thread-5003");
        assertThat(readUntil("helpscout:thread-5003")).extracting(ConsumerRecord::key).contains("helpscout:thread-5003");
    }

    @Test
    void badDeliveriesAreRefusedAndPublishNothing() throws Exception {
        String begin = postMarker();
        byte[] body = new String(fixture(), StandardCharsets.UTF_8).replace("5001", "5999").getBytes(StandardCharsets.UTF_8);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("kettle", "teapot").getBytes(StandardCharsets.UTF_8);

        assertProblem(post(tampered, HelpScoutSignatureTest.sign(SECRET, body), "convo.created"), 401);
        assertProblem(post(body, HelpScoutSignatureTest.sign("a-guess", body), "convo.created"), 401);
        assertProblem(post(body, null, "convo.created"), 401);
        assertProblem(post(body, HelpScoutSignatureTest.sign(SECRET, body), null), 400);

        assertNothingPublishedSince(begin, "helpscout:thread-5999");
    }

    private HttpResponse<String> post(byte[] body, String signature, String event) {
        Map<String, String> headers = new HashMap<>();
        if (signature != null) {
            headers.put(HelpScoutSignature.HEADER, signature);
        }
        if (event != null) {
            headers.put("X-HelpScout-Event", event);
        }
        return HttpCalls.postJson(uri("/v1/webhooks/helpscout"), body, headers);
    }

    private static byte[] fixture() {
        return fixture("helpscout/convo-customer-reply-created.json");
    }
}
