package io.github.vocstream.ingest.webhook.helpscout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.http.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelpScoutConversationMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:30:05Z");
    private final HelpScoutConversationMapper mapper = new HelpScoutConversationMapper();

    @Test
    void aCustomerReplyIsTheirLatestThread() throws IOException {
        FeedbackEvent event = mapper.toFeedbackEvent("convo.customer.reply.created", fixture(), NOW).orElseThrow();

        assertThat(event.id()).isEqualTo("helpscout:thread-5003");
        assertThat(event.text()).isEqualTo("It has been three weeks and still no refund.\nOrder 55-1234.");
        assertThat(event.title()).isNull();
        assertThat(event.author()).isEqualTo("100");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(event.segments()).isEqualTo(Map.of("mailbox", "85", "via", "email", "status", "active"));
        assertThat(event.tags()).containsExactly("refunds");
    }

    @Test
    void aNewConversationIsTheCustomersFirstThreadWithTheSubject() throws IOException {
        FeedbackEvent event = mapper.toFeedbackEvent("convo.created", fixture(), NOW).orElseThrow();

        assertThat(event.id()).isEqualTo("helpscout:thread-5001");
        assertThat(event.title()).isEqualTo("Where is my refund?");
        assertThat(event.text()).isEqualTo("I returned the kettle, where is my refund?");
    }

    @Test
    void otherEventsCarryNoFeedbackAndMalformedOnesNameTheField() throws IOException {
        assertThat(mapper.toFeedbackEvent("convo.agent.reply.created", fixture(), NOW)).isEmpty();
        ObjectNode noId = (ObjectNode) fixture();
        noId.remove("id");
        assertBadRequest(noId, "id");
        ObjectNode agentsOnly = (ObjectNode) fixture();
        ((ObjectNode) agentsOnly.path("_embedded")).putArray("threads");
        assertBadRequest(agentsOnly, "_embedded.threads");
        assertBadRequest(Json.mapper().readTree("[]"), "body");
    }

    private void assertBadRequest(JsonNode conversation, String field) {
        ProblemException problem = catchThrowableOfType(
                () -> mapper.toFeedbackEvent("convo.created", conversation, NOW), ProblemException.class);
        assertThat(problem).as(field).isNotNull();
        assertThat(problem.errors()).extracting(error -> error.field()).containsExactly(field);
    }

    static JsonNode fixture() throws IOException {
        try (InputStream in = HelpScoutConversationMapperTest.class.getResourceAsStream(
                "/fixtures/helpscout/convo-customer-reply-created.json")) {
            return Json.mapper().readTree(in);
        }
    }
}
