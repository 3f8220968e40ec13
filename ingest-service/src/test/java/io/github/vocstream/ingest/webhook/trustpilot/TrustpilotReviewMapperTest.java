package io.github.vocstream.ingest.webhook.trustpilot;

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
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustpilotReviewMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
    private final TrustpilotReviewMapper mapper = new TrustpilotReviewMapper(500);

    @Test
    void eachCreatedReviewBecomesFeedbackWithItsStars() throws IOException {
        List<FeedbackEvent> reviews = mapper.toFeedbackEvents(fixture(), NOW);

        assertThat(reviews).extracting(FeedbackEvent::id)
                .containsExactly("trustpilot:review-6560a1b2c3d4e5f607182930", "trustpilot:review-6560a1b2c3d4e5f607182932");
        FeedbackEvent first = reviews.get(0);
        assertThat(first.channel()).isEqualTo(Channel.REVIEW);
        assertThat(first.title()).isEqualTo("Slow refund");
        assertThat(first.text()).startsWith("Ordered a kettle");
        assertThat(first.rating()).isEqualTo(2);
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.author()).isEqualTo("5d1e2f3a4b5c6d7e8f901234");
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-23T09:15:00Z"));
        assertThat(first.tags()).containsExactly("refunds");
        assertThat(reviews.get(1).rating()).isEqualTo(5);
    }

    @Test
    void oneBadReviewRefusesTheWholeBatchNamingItsField() throws IOException {
        ObjectNode payload = (ObjectNode) fixture();
        ((ObjectNode) payload.path("events").get(2).path("eventData")).put("stars", 7);
        ((ObjectNode) payload.path("events").get(0).path("eventData")).remove("text");

        ProblemException problem = catchThrowableOfType(() -> mapper.toFeedbackEvents(payload, NOW), ProblemException.class);

        assertThat(problem.status().getCode()).isEqualTo(400);
        assertThat(problem.errors()).extracting(error -> error.field())
                .containsExactly("events[0].eventData.text", "events[2].eventData.stars");
    }

    @Test
    void aBodyWithoutEventsIsRefused() throws IOException {
        ProblemException problem = catchThrowableOfType(
                () -> mapper.toFeedbackEvents(Json.mapper().readTree("{\"event\":{}}"), NOW), ProblemException.class);

        assertThat(problem.errors()).extracting(error -> error.field()).containsExactly("events");
    }

    static JsonNode fixture() throws IOException {
        try (InputStream in = TrustpilotReviewMapperTest.class.getResourceAsStream("/fixtures/trustpilot/review-events.json")) {
            return Json.mapper().readTree(in);
        }
    }
}
