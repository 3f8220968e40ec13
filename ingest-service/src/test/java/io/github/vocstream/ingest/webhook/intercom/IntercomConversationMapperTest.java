package io.github.vocstream.ingest.webhook.intercom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.http.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntercomConversationMapperTest {

    private static final Instant NOW = Instant.parse("2025-11-23T12:00:00Z");
    private final IntercomConversationMapper mapper = new IntercomConversationMapper();

    @Test
    void aNewConversationBecomesFeedbackFieldByField() throws IOException {
        FeedbackEvent event = mapper.toFeedbackEvent(fixture("conversation-user-created.json"), NOW).orElseThrow();

        assertThat(event.id()).isEqualTo("intercom:conversation-147000000001");
        assertThat(event.source()).isEqualTo("intercom");
        assertThat(event.channel()).isEqualTo(Channel.TICKET);
        assertThat(event.text()).isEqualTo("Hi, my order #A-1009 still hasn't arrived.\n"
                + "Please call me at +1 415 555 0132 or write to jane.roe@example.com & tell me where it is.");
        assertThat(event.title()).as("an empty subject is no title").isNull();
        assertThat(event.author()).isEqualTo("5f1a2b3c4d5e6f7a8b9c0d1e");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1763892000));
        assertThat(event.receivedAt()).isEqualTo(NOW);
        assertThat(event.segments()).isEqualTo(Map.of("priority", "priority", "state", "open", "via", "customer_initiated"));
        assertThat(event.tags()).containsExactly("shipping");
    }

    @Test
    void aReplyIsTheCustomersLatestMessageNotTheAgents() throws IOException {
        FeedbackEvent event = mapper.toFeedbackEvent(fixture("conversation-user-replied.json"), NOW).orElseThrow();

        assertThat(event.id()).isEqualTo("intercom:conversation-147000000001-part-31000000003");
        assertThat(event.text()).isEqualTo("It is now two weeks late.\nThis is the worst delivery service I have used.");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1763895600));
        assertThat(event.segments()).containsEntry("priority", "not_priority");
    }


    @Test
    void topicsWithoutACustomerMessageCarryNoFeedback() throws IOException {
        ObjectNode closed = (ObjectNode) fixture("conversation-user-created.json");
        closed.put("topic", "conversation.admin.closed");

        assertThat(mapper.toFeedbackEvent(closed, NOW)).isEmpty();
        assertThat(mapper.topicOf(fixture("ping.json"))).isEqualTo("ping");
        assertThat(mapper.toFeedbackEvent(fixture("ping.json"), NOW)).isEmpty();
    }

    @Test
    void aMalformedNotificationNamesTheFieldAtFault() throws IOException {
        assertBadRequest(Json.mapper().readTree("[1, 2]"), "type");
        assertBadRequest(Json.mapper().readTree("{\"type\":\"notification_event\"}"), "topic");
        ObjectNode noBody = (ObjectNode) fixture("conversation-user-created.json");
        ((ObjectNode) noBody.path("data").path("item").path("source")).put("body", "<p> </p>");
        assertBadRequest(noBody, "data.item.source.body");
        ObjectNode noId = (ObjectNode) fixture("conversation-user-created.json");
        ((ObjectNode) noId.path("data").path("item")).putArray("id");
        assertBadRequest(noId, "data.item.id");
        ObjectNode agentOnly = (ObjectNode) fixture("conversation-user-replied.json");
        ((ObjectNode) agentOnly.path("data").path("item").path("conversation_parts")).putArray("conversation_parts");
        assertBadRequest(agentOnly, "data.item.conversation_parts");
    }

    @Test
    void aPartWhoseAuthorHasNoTypeIsNotTheCustomersAndBreaksNothing() throws IOException {
        // Found by the fuzz tier: Set.of(...).contains(null) threw, and the webhook answered 500.
        ObjectNode replied = (ObjectNode) fixture("conversation-user-replied.json");
        JsonNode parts = replied.path("data").path("item").path("conversation_parts").path("conversation_parts");
        parts.forEach(part -> ((ObjectNode) part.path("author")).remove("type"));

        assertBadRequest(replied, "data.item.conversation_parts");
    }

    private void assertBadRequest(JsonNode notification, String field) {
        ProblemException problem = catchThrowableOfType(() -> mapper.toFeedbackEvent(notification, NOW), ProblemException.class);
        assertThat(problem).as(field).isNotNull();
        assertThat(problem.status().getCode()).isEqualTo(400);
        assertThat(problem.errors()).extracting(error -> error.field()).containsExactly(field);
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = IntercomConversationMapperTest.class.getResourceAsStream("/fixtures/intercom/" + name)) {
            return Json.mapper().readTree(in);
        }
    }
}
