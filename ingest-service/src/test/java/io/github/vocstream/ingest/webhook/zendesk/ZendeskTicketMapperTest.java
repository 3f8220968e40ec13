package io.github.vocstream.ingest.webhook.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskTicketMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:12:41Z");

    @Test
    void aCreatedTicketBecomesFeedbackFieldByField() throws IOException {
        FeedbackEvent event = new ZendeskTicketMapper()
                .toFeedbackEvent(fixture("ticket-created.json"), NOW).orElseThrow();

        assertThat(event.id()).isEqualTo("zendesk:ticket-4711");
        assertThat(event.source()).isEqualTo("zendesk");
        assertThat(event.externalId()).isEqualTo("ticket-4711");
        assertThat(event.channel()).isEqualTo(Channel.TICKET);
        assertThat(event.title()).isEqualTo("Refund still missing");
        assertThat(event.text()).startsWith("I returned the blender three weeks ago");
        assertThat(event.author()).isEqualTo("8447388090494");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T09:12:40.123456789Z"));
        assertThat(event.receivedAt()).isEqualTo(NOW);
        assertThat(event.segments()).isEqualTo(Map.of("priority", "high", "via", "web_form", "organization", "8447346622718"));
        assertThat(event.tags()).containsExactly("refund", "returns");
    }


    @Test
    void otherEventTypesCarryNoFeedback() throws IOException {
        ObjectNode statusChanged = (ObjectNode) fixture("ticket-created.json");
        statusChanged.put("type", "zen:event-type:ticket.status_changed");

        assertThat(new ZendeskTicketMapper().toFeedbackEvent(statusChanged, NOW)).isEmpty();
    }

    @Test
    void aTicketWithoutDescriptionIsRefusedNamingTheField() throws IOException {
        ObjectNode event = (ObjectNode) fixture("ticket-created.json");
        ((ObjectNode) event.get("detail")).remove("description");
        ((ObjectNode) event.get("detail")).putNull("id");

        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> new ZendeskTicketMapper().toFeedbackEvent(event, NOW));

        assertThat(problem.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("detail.id", "detail.description");
    }

    @Test
    void numericIdsAreReadAsText() throws IOException {
        ObjectNode event = (ObjectNode) fixture("ticket-created.json");
        ((ObjectNode) event.get("detail")).put("id", 4712);

        assertThat(new ZendeskTicketMapper().toFeedbackEvent(event, NOW).orElseThrow().id())
                .isEqualTo("zendesk:ticket-4712");
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = ZendeskTicketMapperTest.class.getResourceAsStream("/fixtures/zendesk/" + name)) {
            return Json.mapper().readTree(in);
        }
    }
}
