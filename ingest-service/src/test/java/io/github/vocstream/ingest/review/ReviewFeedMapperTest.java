package io.github.vocstream.ingest.review;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewFeedMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
    private final ReviewFeedMapper mapper = new ReviewFeedMapper(500);

    @Test
    void eachReviewBecomesFeedbackWithItsStarsAndProduct() throws IOException {
        List<FeedbackEvent> reviews = mapper.toFeedbackEvents("shop", fixture(), NOW);

        assertThat(reviews).extracting(FeedbackEvent::id).containsExactly("shop:R-1001", "shop:R-1002");
        FeedbackEvent first = reviews.get(0);
        assertThat(first.channel()).isEqualTo(Channel.REVIEW);
        assertThat(first.rating()).isEqualTo(1);
        assertThat(first.title()).isEqualTo("Broke in a week");
        assertThat(first.text()).isEqualTo("The handle snapped after a week. Call me on +31 6 1234 5678.");
        assertThat(first.language()).isEqualTo("en-GB");
        assertThat(first.author()).isEqualTo("cust-881");
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(first.segments()).isEqualTo(Map.of("product", "kettle-k2"));
        assertThat(reviews.get(1).occurredAt()).isEqualTo(NOW);
    }

    @Test
    void oneBadReviewRefusesAllNamingEveryFieldAtFault() throws IOException {
        JsonNode feed = fixture();
        ((ObjectNode) feed.get(0)).put("rating", 0).put("createdAt", "Monday");
        ((ObjectNode) feed.get(1)).remove("body");

        ProblemException problem = catchThrowableOfType(() -> mapper.toFeedbackEvents("shop", feed, NOW), ProblemException.class);

        assertThat(problem.errors()).extracting(error -> error.field())
                .containsExactly("[0].rating", "[0].createdAt", "[1].body");
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = ReviewFeedMapperTest.class.getResourceAsStream("/fixtures/reviews/feed.json")) {
            return Json.mapper().readTree(in);
        }
    }
}
