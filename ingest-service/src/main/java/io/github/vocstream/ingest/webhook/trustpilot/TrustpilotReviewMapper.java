package io.github.vocstream.ingest.webhook.trustpilot;

import static io.github.vocstream.ingest.webhook.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.ingest.webhook.JsonFields;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a Trustpilot review webhook, a batch {@code {"events":[{"eventName":"service-review-created","eventData":
 * {...}}]}}, into feedback: one review item per created review, with its stars as the rating (and so in a
 * {@code rating:<stars>} segment beside the text's sentiment). Other event names are skipped. Every event is
 * checked before any is accepted, so a batch is taken whole or not at all.
 */
public final class TrustpilotReviewMapper {

    static final String SOURCE = "trustpilot";
    static final String REVIEW_CREATED = "service-review-created";

    private final int maxItems;

    public TrustpilotReviewMapper(int maxItems) {
        this.maxItems = maxItems;
    }

    public List<FeedbackEvent> toFeedbackEvents(JsonNode payload, Instant receivedAt) {
        JsonNode events = payload.path("events");
        if (!payload.isObject() || !events.isArray()) {
            throw ProblemException.badRequest("events", "must be the array of Trustpilot events");
        }
        if (events.size() > maxItems) {
            throw ProblemException.badRequest("events", "holds " + events.size() + " events, at most " + maxItems + " are taken");
        }
        List<FieldError> errors = new ArrayList<>();
        List<FeedbackEvent> reviews = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (REVIEW_CREATED.equals(text(event, "eventName"))) {
                FeedbackEvent review = review(event.path("eventData"), "events[" + i + "].eventData.", receivedAt, errors);
                if (review != null) {
                    reviews.add(review);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return reviews;
    }

    private FeedbackEvent review(JsonNode data, String prefix, Instant receivedAt, List<FieldError> errors) {
        int before = errors.size();
        String id = text(data, "id");
        if (id == null) {
            errors.add(new FieldError(prefix + "id", "is required"));
        }
        String text = text(data, "text");
        if (text == null) {
            errors.add(new FieldError(prefix + "text", "is required"));
        } else {
            FeedbackRules.checkText(text).ifPresent(problem -> errors.add(new FieldError(prefix + "text", problem)));
        }
        String title = text(data, "title");
        if (title != null) {
            FeedbackRules.checkTitle(title).ifPresent(problem -> errors.add(new FieldError(prefix + "title", problem)));
        }
        JsonNode stars = data.path("stars");
        if (!stars.isIntegralNumber() || stars.asInt() < 1 || stars.asInt() > 5) {
            errors.add(new FieldError(prefix + "stars", "must be a whole number of stars from 1 to 5"));
        }
        String language = text(data, "language");
        if (language != null && FeedbackRules.checkLanguage(language).isPresent()) {
            language = null;
        }
        Instant createdAt = createdAt(data, prefix, errors);
        if (errors.size() > before) {
            return null;
        }
        String externalId = "review-" + id;
        Instant occurredAt = createdAt == null || createdAt.isAfter(receivedAt) ? receivedAt : createdAt;
        return new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(SOURCE, externalId), SOURCE, externalId,
                Channel.REVIEW, text, title, language,
                stars.asInt(), text(data.path("consumer"), "id"), occurredAt, receivedAt, Map.of(),
                JsonFields.tags(data.path("tags"), "value"));
    }

    private static Instant createdAt(JsonNode data, String prefix, List<FieldError> errors) {
        String createdAt = text(data, "createdAt");
        if (createdAt == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(createdAt).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(prefix + "createdAt", "must be an ISO-8601 date-time"));
            return null;
        }
    }
}
