package io.github.vocstream.ingest.review;

import static io.github.vocstream.ingest.webhook.JsonFields.putSegmentIfValid;
import static io.github.vocstream.ingest.webhook.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.webhook.JsonFields;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A generic review feed, one review or an array: {@code id}, {@code rating} (1-5 stars), {@code body}, and optional
 * {@code title}, {@code product}, {@code locale}, {@code author}, {@code createdAt}. The product becomes a segment
 * and the stars the rating. Every review is checked before any is accepted.
 */
public final class ReviewFeedMapper {

    private final int maxItems;

    public ReviewFeedMapper(int maxItems) {
        this.maxItems = maxItems;
    }

    public List<FeedbackEvent> toFeedbackEvents(String source, JsonNode body, Instant receivedAt) {
        List<JsonNode> reviews = JsonBody.items(body, maxItems, "reviews");
        List<FieldError> errors = new ArrayList<>();
        List<FeedbackEvent> events = new ArrayList<>();
        JsonBody.eachObject(body, reviews, errors, (review, prefix) -> {
            FeedbackEvent event = review(source, review, prefix, receivedAt, errors);
            if (event != null) {
                events.add(event);
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return events;
    }

    private FeedbackEvent review(String source, JsonNode review, String prefix, Instant receivedAt, List<FieldError> errors) {
        int before = errors.size();
        String id = text(review, "id");
        if (id == null || FeedbackRules.checkExternalId(id).isPresent()) {
            errors.add(new FieldError(prefix + "id", "is required: the review's id at its source, at most 256 characters"));
        }
        JsonNode rating = review.path("rating");
        if (!rating.isIntegralNumber() || rating.asInt() < 1 || rating.asInt() > 5) {
            errors.add(new FieldError(prefix + "rating", "must be a whole number of stars from 1 to 5"));
        }
        String text = text(review, "body");
        if (text == null) {
            errors.add(new FieldError(prefix + "body", "is required"));
        } else {
            FeedbackRules.checkText(text).ifPresent(problem -> errors.add(new FieldError(prefix + "body", problem)));
        }
        String title = optional(review, "title", prefix, errors, FeedbackRules::checkTitle);
        String locale = optional(review, "locale", prefix, errors, FeedbackRules::checkLanguage);
        String author = optional(review, "author", prefix, errors, FeedbackRules::checkAuthor);
        Instant createdAt = createdAt(review, prefix, errors);
        if (errors.size() > before) {
            return null;
        }
        Map<String, String> segments = new LinkedHashMap<>();
        putSegmentIfValid(segments, "product", text(review, "product"));
        Instant occurredAt = createdAt == null || createdAt.isAfter(receivedAt) ? receivedAt : createdAt;
        return new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(source, id), source, id, Channel.REVIEW,
                text, title, locale, rating.asInt(), author,
                occurredAt, receivedAt, segments, JsonFields.tags(review.path("tags"), "name"));
    }

    private static String optional(JsonNode review, String field, String prefix, List<FieldError> errors,
                                   Function<String, Optional<String>> check) {
        String value = text(review, field);
        if (value != null) {
            check.apply(value).ifPresent(problem -> errors.add(new FieldError(prefix + field, problem)));
        }
        return value;
    }

    private static Instant createdAt(JsonNode review, String prefix, List<FieldError> errors) {
        String createdAt = text(review, "createdAt");
        if (createdAt == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(createdAt).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(prefix + "createdAt", "must be an ISO-8601 date-time with offset"));
            return null;
        }
    }
}
