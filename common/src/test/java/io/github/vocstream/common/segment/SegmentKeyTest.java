package io.github.vocstream.common.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.FeedbackEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentKeyTest {

    @Test
    void anEventCountsInAllItsChannelItsSourceAndEachOfItsSegments() {
        var event = FeedbackEvents.review("r-1", "Great", Map.of("region", "EU", "plan", "pro"));

        assertThat(SegmentKey.of(event))
                .containsExactly("all", "channel:review", "source:trustpilot", "plan:pro", "region:EU");
    }

    @Test
    void anEventWithoutSegmentsStillCountsInTheBuiltInOnes() {
        var event = FeedbackEvents.review("r-2", "Fine", Map.of());

        assertThat(SegmentKey.of(event)).containsExactly("all", "channel:review", "source:trustpilot");
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
