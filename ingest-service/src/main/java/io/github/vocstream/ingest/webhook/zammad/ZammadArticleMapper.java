package io.github.vocstream.ingest.webhook.zammad;

import static io.github.vocstream.ingest.webhook.JsonFields.lower;
import static io.github.vocstream.ingest.webhook.JsonFields.putSegmentIfValid;
import static io.github.vocstream.ingest.webhook.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.ingest.webhook.HtmlText;
import io.github.vocstream.ingest.webhook.JsonFields;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a Zammad trigger webhook ({@code ticket} and {@code article}) into feedback: only an article the customer
 * wrote ({@code sender: Customer}, not internal) is their voice. The id is the article's, so a redelivery of the
 * same article counts once; ticket updates without an article are acknowledged and counted nowhere.
 */
public final class ZammadArticleMapper {

    static final String SOURCE = "zammad";

    public Optional<FeedbackEvent> toFeedbackEvent(JsonNode payload, Instant receivedAt) {
        if (!payload.isObject() || !payload.path("ticket").isObject()) {
            throw ProblemException.badRequest("ticket", "is required: the body is not a Zammad webhook");
        }
        JsonNode ticket = payload.path("ticket");
        JsonNode article = payload.path("article");
        if (!article.isObject() || !"customer".equals(lower(nameOf(article, "sender")))
                || article.path("internal").asBoolean(false)) {
            return Optional.empty();
        }
        String articleId = text(article, "id");
        if (articleId == null) {
            throw ProblemException.badRequest("article.id", "is required");
        }
        String raw = text(article, "body");
        String html = lower(text(article, "content_type"));
        String body = raw == null ? null : html != null && html.contains("html") ? HtmlText.toPlainText(raw) : raw.strip();
        if (body == null || body.isEmpty()) {
            throw ProblemException.badRequest("article.body", "is required and must hold text");
        }
        FeedbackRules.checkText(body).ifPresent(problem -> {
            throw ProblemException.invalid(List.of(new FieldError("article.body", problem)));
        });
        String title = text(ticket, "title");
        String checkedTitle = title == null || FeedbackRules.checkTitle(title).isPresent() ? null : title;
        Instant occurredAt = time(article, receivedAt);
        String externalId = "article-" + articleId;
        return Optional.of(new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(SOURCE, externalId), SOURCE,
                externalId, Channel.TICKET, body, checkedTitle,
                null, null, text(ticket, "customer_id"), occurredAt.isAfter(receivedAt) ? receivedAt : occurredAt, receivedAt,
                segments(ticket), JsonFields.tags(ticket.path("tags"), "name")));
    }

    /** Zammad writes associations as a name, or as an object with a name, depending on the trigger's payload. */
    private static String nameOf(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isObject() ? text(value, "name") : text(node, field);
    }

    private static Instant time(JsonNode article, Instant receivedAt) {
        String createdAt = text(article, "created_at");
        if (createdAt == null) {
            return receivedAt;
        }
        try {
            return OffsetDateTime.parse(createdAt).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("article.created_at", "must be an ISO-8601 date-time");
        }
    }

    private static Map<String, String> segments(JsonNode ticket) {
        Map<String, String> segments = new LinkedHashMap<>();
        putSegmentIfValid(segments, "priority", lower(nameOf(ticket, "priority")));
        putSegmentIfValid(segments, "group", nameOf(ticket, "group"));
        putSegmentIfValid(segments, "state", lower(nameOf(ticket, "state")));
        return segments;
    }
}
