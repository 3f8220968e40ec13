package io.github.vocstream.common.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test data: feedback events with sensible defaults. */
public final class FeedbackEvents {

    private FeedbackEvents() {
    }

    public static FeedbackEvent review(String externalId, String text, Map<String, String> segments) {
        Instant at = Instant.parse("2026-11-20T10:15:30Z");
        return new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf("trustpilot", externalId), "trustpilot",
                externalId, Channel.REVIEW, text, null, "en", 4, null, at, at.plusSeconds(2), segments, List.of());
    }
}
