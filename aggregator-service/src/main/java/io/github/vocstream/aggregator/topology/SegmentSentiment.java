package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** The running sentiment of one segment: how many items, how they split, their score sum and the latest one. */
public record SegmentSentiment(long count, long negative, long neutral, long positive, double scoreSum,
                               Instant lastFeedbackAt) {

    public static SegmentSentiment empty() {
        return new SegmentSentiment(0, 0, 0, 0, 0, null);
    }

    public SegmentSentiment add(SegmentUpdate update) {
        Instant latest = lastFeedbackAt == null || update.receivedAt().isAfter(lastFeedbackAt) ? update.receivedAt() : lastFeedbackAt;
        return switch (update.label()) {
            case NEGATIVE -> new SegmentSentiment(count + 1, negative + 1, neutral, positive, scoreSum + update.score(), latest);
            case NEUTRAL -> new SegmentSentiment(count + 1, negative, neutral + 1, positive, scoreSum + update.score(), latest);
            case POSITIVE -> new SegmentSentiment(count + 1, negative, neutral, positive + 1, scoreSum + update.score(), latest);
        };
    }

    @JsonIgnore
    public double meanScore() {
        return count == 0 ? 0 : scoreSum / count;
    }
}
