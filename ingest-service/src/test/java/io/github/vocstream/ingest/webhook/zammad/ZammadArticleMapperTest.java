package io.github.vocstream.ingest.webhook.zammad;

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

class ZammadArticleMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:30:02Z");
    private final ZammadArticleMapper mapper = new ZammadArticleMapper();

    @Test
    void aCustomersArticleBecomesFeedbackFieldByField() throws IOException {
        FeedbackEvent event = mapper.toFeedbackEvent(fixture(), NOW).orElseThrow();

        assertThat(event.id()).isEqualTo("zammad:article-777");
        assertThat(event.title()).isEqualTo("Invoice charged twice");
        assertThat(event.text()).isEqualTo("I was charged twice for invoice 2026-118.\nPlease refund one payment.\nAlex");
        assertThat(event.author()).isEqualTo("17");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(event.segments()).isEqualTo(Map.of("priority", "3 high", "group", "Billing", "state", "open"));
    }

    @Test
    void plainTextBodiesAndNamesWrittenAsTextAreReadToo() throws IOException {
        ObjectNode payload = (ObjectNode) fixture();
        ((ObjectNode) payload.path("article")).put("content_type", "text/plain").put("body", "  Two <3 payments.  ");
        ((ObjectNode) payload.path("ticket")).put("priority", "2 normal");

        FeedbackEvent event = mapper.toFeedbackEvent(payload, NOW).orElseThrow();

        assertThat(event.text()).isEqualTo("Two <3 payments.");
        assertThat(event.segments()).containsEntry("priority", "2 normal");
    }

    @Test
    void agentsArticlesInternalNotesAndTicketUpdatesCarryNoFeedback() throws IOException {
        ObjectNode agent = (ObjectNode) fixture();
        ((ObjectNode) agent.path("article")).put("sender", "Agent");
        ObjectNode internal = (ObjectNode) fixture();
        ((ObjectNode) internal.path("article")).put("internal", true);
        ObjectNode update = (ObjectNode) fixture();
        update.remove("article");

        assertThat(mapper.toFeedbackEvent(agent, NOW)).isEmpty();
        assertThat(mapper.toFeedbackEvent(internal, NOW)).isEmpty();
        assertThat(mapper.toFeedbackEvent(update, NOW)).isEmpty();
    }

    @Test
    void aMalformedPayloadNamesTheFieldAtFault() throws IOException {
        assertBadRequest(Json.mapper().readTree("{\"article\":{}}"), "ticket");
        ObjectNode noId = (ObjectNode) fixture();
        ((ObjectNode) noId.path("article")).remove("id");
        assertBadRequest(noId, "article.id");
        ObjectNode empty = (ObjectNode) fixture();
        ((ObjectNode) empty.path("article")).put("body", "<p></p>");
        assertBadRequest(empty, "article.body");
    }

    private void assertBadRequest(JsonNode payload, String field) {
        ProblemException problem = catchThrowableOfType(() -> mapper.toFeedbackEvent(payload, NOW), ProblemException.class);
        assertThat(problem).as(field).isNotNull();
        assertThat(problem.errors()).extracting(error -> error.field()).containsExactly(field);
    }

    static JsonNode fixture() throws IOException {
        try (InputStream in = ZammadArticleMapperTest.class.getResourceAsStream("/fixtures/zammad/customer-article.json")) {
            return Json.mapper().readTree(in);
        }
    }
}
