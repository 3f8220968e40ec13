package io.github.vocstream.ingest.webhook.freshdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.http.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshdeskTicketMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");

    @Test
    void theDefaultPointersReadTheUsualPlaceholders() throws IOException {
        FeedbackEvent event = mapper(null).toFeedbackEvent(fixture(), NOW);

        assertThat(event.id()).isEqualTo("freshdesk:ticket-8123");
        assertThat(event.title()).isEqualTo("App crashes on checkout");
        assertThat(event.text()).isEqualTo("Every time I pay, the app crashes.\nI have tried three times now.");
        assertThat(event.author()).isEqualTo("dana.ortiz@example.com");
        assertThat(event.segments()).isEqualTo(Map.of("priority", "high", "status", "open", "group", "mobile", "type", "problem"));
        assertThat(event.tags()).containsExactly("android", "checkout");
    }

    @Test
    void configuredSegmentsReadTheAdminsOwnFields() throws IOException {
        FeedbackEvent event = mapper(Map.of("plan", "/freshdesk_webhook/ticket_cf_plan")).toFeedbackEvent(fixture(), NOW);

        assertThat(event.segments()).isEqualTo(Map.of("plan", "pro"));
    }

    @Test
    void aMissingFieldIsNamedByItsPointer() throws IOException {
        ProblemException problem = catchThrowableOfType(
                () -> mapper(null).toFeedbackEvent(Json.mapper().readTree("{\"freshdesk_webhook\":{\"ticket_id\":\"1\"}}"), NOW),
                ProblemException.class);

        assertThat(problem.errors()).extracting(error -> error.field()).containsExactly("/freshdesk_webhook/ticket_description");
    }

    @Test
    void aBrokenPointerOrSegmentNameStopsTheStart() {
        assertThatThrownBy(() -> new FreshdeskTicketMapper(new FreshdeskWebhookConfiguration(List.of("s"), List.of(),
                "freshdesk_webhook.ticket_id", "/t", "/s", "/a", "/g", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("voc.webhooks.freshdesk.id");
        assertThatThrownBy(() -> mapper(Map.of("source", "/x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'source'");
    }

    private static FreshdeskTicketMapper mapper(Map<String, String> segments) {
        return new FreshdeskTicketMapper(new FreshdeskWebhookConfiguration(List.of("s"), List.of(), "/freshdesk_webhook/ticket_id",
                "/freshdesk_webhook/ticket_description", "/freshdesk_webhook/ticket_subject",
                "/freshdesk_webhook/ticket_contact_email", "/freshdesk_webhook/ticket_tags", segments));
    }

    static JsonNode fixture() throws IOException {
        try (InputStream in = FreshdeskTicketMapperTest.class.getResourceAsStream("/fixtures/freshdesk/ticket-webhook.json")) {
            return Json.mapper().readTree(in);
        }
    }
}
