package io.github.vocstream.ingest.webhook.chatwoot;

import static io.github.vocstream.ingest.webhook.JsonFields.epochSeconds;
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
 * Turns a Chatwoot {@code message_created} webhook into feedback. Only {@code message_type: incoming} that is not
 * private is the customer's voice; agents' replies, private notes and activity messages are acknowledged and
 * counted nowhere. The id is the message's, so a redelivery counts once.
 */
public final class ChatwootMessageMapper {

    static final String SOURCE = "chatwoot";

    public Optional<FeedbackEvent> toFeedbackEvent(JsonNode payload, Instant receivedAt) {
        if (!payload.isObject() || !payload.path("event").isTextual()) {
            throw ProblemException.badRequest("event", "must be the Chatwoot event name, e.g. 'message_created'");
        }
        if (!"message_created".equals(text(payload, "event")) || !"incoming".equals(messageType(payload))
                || payload.path("private").asBoolean(false)) {
            return Optional.empty();
        }
        String messageId = text(payload, "id");
        if (messageId == null) {
            throw ProblemException.badRequest("id", "is required");
        }
        String content = text(payload, "content");
        String plain = content == null ? null : HtmlText.toPlainText(content);
        if (plain == null || plain.isEmpty()) {
            // An attachment without words: nothing to hear, nothing to retry.
            return Optional.empty();
        }
        FeedbackRules.checkText(plain).ifPresent(problem -> {
            throw ProblemException.invalid(List.of(new FieldError("content", problem)));
        });
        Instant occurredAt = createdAt(payload, receivedAt);
        String externalId = "message-" + messageId;
        return Optional.of(new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(SOURCE, externalId), SOURCE,
                externalId, Channel.TICKET, plain, null, null, null, text(payload.path("sender"), "id"),
                occurredAt.isAfter(receivedAt) ? receivedAt : occurredAt, receivedAt, segments(payload),
                JsonFields.tags(payload.path("conversation").path("labels"), "title")));
    }

    /** Chatwoot sends the type as a word, or as its enum number (0 incoming) in some versions. */
    private static String messageType(JsonNode payload) {
        JsonNode type = payload.path("message_type");
        if (type.isIntegralNumber()) {
            return type.asInt() == 0 ? "incoming" : "other";
        }
        return text(payload, "message_type");
    }

    private static Instant createdAt(JsonNode payload, Instant receivedAt) {
        Instant seconds = epochSeconds(payload, "created_at");
        if (seconds != null) {
            return seconds;
        }
        String iso = text(payload, "created_at");
        if (iso != null) {
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("created_at", "must be seconds since 1970 or an ISO-8601 date-time");
            }
        }
        return receivedAt;
    }

    private static Map<String, String> segments(JsonNode payload) {
        JsonNode conversation = payload.path("conversation");
        Map<String, String> segments = new LinkedHashMap<>();
        putSegmentIfValid(segments, "inbox", text(payload.path("inbox"), "name"));
        putSegmentIfValid(segments, "via", lower(text(conversation, "channel")));
        putSegmentIfValid(segments, "status", lower(text(conversation, "status")));
        putSegmentIfValid(segments, "priority", lower(text(conversation, "priority")));
        return segments;
    }
}
