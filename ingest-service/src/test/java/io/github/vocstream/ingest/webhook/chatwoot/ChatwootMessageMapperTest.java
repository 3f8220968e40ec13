package io.github.vocstream.ingest.webhook.chatwoot;

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

class ChatwootMessageMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:30:02Z");
    private final ChatwootMessageMapper mapper = new ChatwootMessageMapper();

    @Test
    void anIncomingMessageBecomesFeedbackFieldByField() throws IOException {
        FeedbackEvent event = mapper.toFeedbackEvent(fixture("message-created-incoming.json"), NOW).orElseThrow();

        assertThat(event.id()).isEqualTo("chatwoot:message-90210");
        assertThat(event.channel()).isEqualTo(Channel.TICKET);
        assertThat(event.text()).startsWith("The checkout page keeps failing with an error.");
        assertThat(event.author()).isEqualTo("4242");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(event.receivedAt()).isEqualTo(NOW);
        assertThat(event.segments()).isEqualTo(Map.of("inbox", "Website", "via", "channel::webwidget", "status", "open",
                "priority", "urgent"));
        assertThat(event.tags()).containsExactly("checkout");
    }

    @Test
    void agentRepliesPrivateNotesAndOtherEventsAreNotTheCustomersVoice() throws IOException {
        assertThat(mapper.toFeedbackEvent(fixture("message-created-outgoing.json"), NOW)).isEmpty();
        ObjectNode note = (ObjectNode) fixture("message-created-incoming.json");
        note.put("private", true);
        assertThat(mapper.toFeedbackEvent(note, NOW)).isEmpty();
        ObjectNode updated = (ObjectNode) fixture("message-created-incoming.json");
        updated.put("event", "conversation_status_changed");
        assertThat(mapper.toFeedbackEvent(updated, NOW)).isEmpty();
        ObjectNode numbered = (ObjectNode) fixture("message-created-incoming.json");
        numbered.put("message_type", 0);
        assertThat(mapper.toFeedbackEvent(numbered, NOW)).isPresent();
    }

    @Test
    void aMalformedPayloadNamesTheFieldAtFault() throws IOException {
        assertBadRequest(Json.mapper().readTree("{\"event\": 3}"), "event");
        ObjectNode noId = (ObjectNode) fixture("message-created-incoming.json");
        noId.remove("id");
        assertBadRequest(noId, "id");
        ObjectNode badTime = (ObjectNode) fixture("message-created-incoming.json");
        badTime.put("created_at", "last tuesday");
        assertBadRequest(badTime, "created_at");
    }

    private void assertBadRequest(JsonNode payload, String field) {
        ProblemException problem = catchThrowableOfType(() -> mapper.toFeedbackEvent(payload, NOW), ProblemException.class);
        assertThat(problem).as(field).isNotNull();
        assertThat(problem.errors()).extracting(error -> error.field()).containsExactly(field);
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = ChatwootMessageMapperTest.class.getResourceAsStream("/fixtures/chatwoot/" + name)) {
            return Json.mapper().readTree(in);
        }
    }
}
