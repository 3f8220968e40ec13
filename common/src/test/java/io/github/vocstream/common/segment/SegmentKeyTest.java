package io.github.vocstream.common.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackEvents;
import io.github.vocstream.common.event.FeedbackRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentKeyTest {

    @Test
    void anEventCountsInAllItsChannelItsSourceItsRatingAndEachOfItsSegments() {
        var event = FeedbackEvents.review("r-1", "Great", Map.of("region", "EU", "plan", "pro"));

        assertThat(SegmentKey.of(event, null))
                .containsExactly("all", "channel:review", "source:trustpilot", "rating:4", "plan:pro", "region:EU");
    }

    @Test
    void anEventWithoutSegmentsOrRatingStillCountsInTheBuiltInOnes() {
        var review = FeedbackEvents.review("r-2", "Fine", Map.of());
        var unrated = new FeedbackEvent(review.schemaVersion(), review.id(), review.source(), review.externalId(),
                review.channel(), review.text(), null, null, null, null, review.occurredAt(), review.receivedAt(), Map.of(), List.of());

        assertThat(SegmentKey.of(unrated, null)).containsExactly("all", "channel:review", "source:trustpilot");
        assertThat(SegmentKey.isReservedDimension("rating")).isTrue();
    }

    @Test
    void eachTagIsASegmentOfItsOwn() {
        var review = FeedbackEvents.review("r-3", "Fine", Map.of());
        var tagged = new FeedbackEvent(review.schemaVersion(), review.id(), review.source(), review.externalId(),
                review.channel(), review.text(), null, null, null, null, review.occurredAt(), review.receivedAt(), Map.of(),
                FeedbackRules.tags(List.of(" VIP ", "refunds", "vip", "", "x".repeat(300))));

        assertThat(tagged.tags()).containsExactly("refunds", "vip");
        assertThat(SegmentKey.of(tagged, null)).containsExactly("all", "channel:review", "source:trustpilot", "tag:refunds", "tag:vip");
        assertThat(SegmentKey.isReservedDimension("tag")).isTrue();
    }

    @Test
    void theLanguageItWasReadInIsASegmentOfItsOwnThatPayloadsCannotSet() {
        var event = FeedbackEvents.review("r-4", "Sehr gut", Map.of("region", "EU"));

        assertThat(SegmentKey.of(event, "de"))
                .containsExactly("all", "channel:review", "source:trustpilot", "rating:4", "language:de", "region:EU");
        assertThat(SegmentKey.isReservedDimension("language")).isTrue();
        assertThat(FeedbackRules.checkSegmentDimension("language")).isPresent();
    }

    @Test
    void wellFormedKeysAreAllOrDimensionColonValue() {
        assertThat(SegmentKey.isWellFormed("all")).isTrue();
        assertThat(SegmentKey.isWellFormed("region:EU")).isTrue();
        assertThat(SegmentKey.isWellFormed("product:a:b")).isTrue();
        assertThat(SegmentKey.isWellFormed("region")).isFalse();
        assertThat(SegmentKey.isWellFormed(":EU")).isFalse();
        assertThat(SegmentKey.isWellFormed("region:")).isFalse();
    }
}
