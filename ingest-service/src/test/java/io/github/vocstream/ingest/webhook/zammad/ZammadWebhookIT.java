package io.github.vocstream.ingest.webhook.zammad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.github.vocstream.ingest.webhook.HubSignature;
import io.github.vocstream.ingest.webhook.HubSignatureTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Zammad deliveries on a real broker: signed customer articles become feedback, anything else publishes nothing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZammadWebhookIT extends RawTopicIT {

    private static final String SECRET = "zammad-signature-token";

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.webhooks.zammad.secrets", SECRET);
    }

    @Test
    void aSignedCustomerArticleIsPublishedAndARedeliveryKeepsItsId() throws Exception {
        byte[] body = fixture();

        var first = post(body, HubSignatureTest.sign(SECRET, body), "delivery-1");
        var redelivery = post(body, HubSignatureTest.sign(SECRET, body), "delivery-2");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(HttpCalls.json(redelivery).get("ids")).extracting(JsonNode::textValue).containsExactly("zammad:article-777");
        assertThat(readUntil("zammad:article-777")).extracting(ConsumerRecord::key).contains("zammad:article-777");
    }

    @Test
    void badDeliveriesAreRefusedAndPublishNothing() throws Exception {
        String begin = postMarker();
        byte[] body = new String(fixture(), StandardCharsets.UTF_8).replace("777", "778").getBytes(StandardCharsets.UTF_8);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("twice", "thrice").getBytes(StandardCharsets.UTF_8);

        assertProblem(post(tampered, HubSignatureTest.sign(SECRET, body), "d-3"), 401);
        assertProblem(post(body, HubSignatureTest.sign("a-guess", body), "d-4"), 401);
        assertProblem(HttpCalls.postJson(uri("/v1/webhooks/zammad"), body, Map.of()), 401);

        assertNothingPublishedSince(begin, "zammad:article-778");
    }

    private HttpResponse<String> post(byte[] body, String signature, String delivery) {
        return HttpCalls.postJson(uri("/v1/webhooks/zammad"), body, Map.of(HubSignature.HEADER, signature,
                "X-Zammad-Delivery", delivery, "X-Zammad-Trigger", "voice of the customer"));
    }

    private static byte[] fixture() {
        return fixture("zammad/customer-article.json");
    }
}
