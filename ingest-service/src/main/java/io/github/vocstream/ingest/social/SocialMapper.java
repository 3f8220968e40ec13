package io.github.vocstream.ingest.social;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.ingest.feedback.Retraction;
import io.github.vocstream.http.problem.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns one post of a social platform, as its API or firehose writes it, into feedback, or into the retraction of
 * a post it deleted, or skips it.
 */
interface SocialMapper {

    /** The platform's name in the URL and the feedback's source. */
    String platform();

    /**
     * The post as feedback; empty for what is not a customer's own words (a boost, a deletion, another record
     * type). Problems are added to {@code errors} with field names under {@code prefix}.
     */
    Optional<FeedbackEvent> toFeedbackEvent(JsonNode post, String prefix, Instant receivedAt, List<FieldError> errors);

    /**
     * The retraction this event announces (the deletion of a post), or empty when it announces none. Asked before
     * {@link #toFeedbackEvent}; problems are added to {@code errors} as there.
     */
    default Optional<Retraction> toRetraction(JsonNode post, String prefix, List<FieldError> errors) {
        return Optional.empty();
    }
}
