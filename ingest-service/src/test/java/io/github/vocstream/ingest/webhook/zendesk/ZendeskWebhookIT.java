package io.github.vocstream.ingest.webhook.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Zendesk deliveries on a real broker: signed ones become feedback, anything else is refused and publishes nothing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZendeskWebhookIT extends RawTopicIT {

    private static final String SECRET = "zendesk-signing-secret";

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.webhooks.zendesk.secrets", "an-old-secret," + SECRET);
    }

    @Test
    void aSignedTicketCreatedEventIsPublishedAsFeedback() throws IOException {
        byte[] body = fixture();
        String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        // Header names in lower case, as some proxies forward them: they must match all the same.
        var response = HttpCalls.postJson(webhook(), body, Map.of(
                "x-zendesk-webhook-signature", ZendeskSignatureTest.sign(SECRET, timestamp, body),
                "x-zendesk-webhook-signature-timestamp", timestamp));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(HttpCalls.json(response).get("ids")).extracting(JsonNode::textValue).containsExactly("zendesk:ticket-4711");
        ConsumerRecord<String, byte[]> record = readUntil("zendesk:ticket-4711").stream()
                .filter(r -> r.key().equals("zendesk:ticket-4711")).findFirst().orElseThrow();
        FeedbackEvent event = JsonSerde.of(FeedbackEvent.class).deserialize(rawTopic, record.value());
        assertThat(event.title()).isEqualTo("Refund still missing");
        assertThat(event.text()).contains("still have no refund").contains("[email]").doesNotContain("jane.doe@");
        assertThat(event.segments()).containsEntry("priority", "high");
    }

    @Test
    void unsignedOrBadlySignedDeliveriesAreRefusedAndPublishNothing() throws IOException {
        byte[] body = fixtureWithTicket("9999");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String stale = Instant.now().minus(Duration.ofMinutes(6)).truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("blender", "toaster").getBytes(StandardCharsets.UTF_8);

        assertProblem(post(tampered, ZendeskSignatureTest.sign(SECRET, now, body), now), 401);
        assertProblem(post(body, ZendeskSignatureTest.sign("a-guess", now, body), now), 401);
        assertProblem(post(body, ZendeskSignatureTest.sign(SECRET, stale, body), stale), 401);
        assertProblem(HttpCalls.postJson(webhook(), body, Map.of()), 401);

        assertNothingPublished("zendesk:ticket-9999");
    }

    @Test
    void otherEventTypesAreAcknowledgedAndCountedNowhere() throws IOException {
        byte[] body = new String(fixture(), StandardCharsets.UTF_8)
                .replace("zen:event-type:ticket.created", "zen:event-type:ticket.priority_changed").getBytes(StandardCharsets.UTF_8);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        var response = post(body, ZendeskSignatureTest.sign(SECRET, now, body), now);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(HttpCalls.json(response).get("accepted").intValue()).isZero();
    }

    private HttpResponse<String> post(byte[] body, String signature, String timestamp) {
        return HttpCalls.postJson(webhook(), body, Map.of(ZendeskSignature.SIGNATURE_HEADER, signature,
                ZendeskSignature.TIMESTAMP_HEADER, timestamp));
    }

    private URI webhook() {
        return uri("/v1/webhooks/zendesk");
    }

    private static byte[] fixture() {
        return fixture("zendesk/ticket-created.json");
    }

    private static byte[] fixtureWithTicket(String ticketId) throws IOException {
        return new String(fixture(), StandardCharsets.UTF_8).replace("\"id\": \"4711\"", "\"id\": \"" + ticketId + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }
}
