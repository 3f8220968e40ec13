package io.github.vocstream.ingest.webhook.intercom;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an Intercom webhook notification into feedback. The customer speaks in two topics:
 * {@code conversation.user.created} (the conversation's first message, {@code data.item.source}) and
 * {@code conversation.user.replied} (their latest message among {@code data.item.conversation_parts}). Bodies are
 * HTML and become plain text. Ids are the conversation's and the part's, so a redelivery counts once.
 */
public final class IntercomConversationMapper {

    static final String SOURCE = "intercom";
    static final String PING = "ping";
    static final String USER_CREATED = "conversation.user.created";
    static final String USER_REPLIED = "conversation.user.replied";

    // Who counts as the customer in a conversation part.
    private static final Set<String> CUSTOMER_AUTHORS = Set.of("user", "lead", "contact");

    /** The notification's topic, after checking it is an Intercom notification at all. */
    public String topicOf(JsonNode notification) {
        if (!notification.isObject() || !"notification_event".equals(text(notification, "type"))) {
            throw ProblemException.badRequest("type", "must be 'notification_event': the body is not an Intercom notification");
        }
        String topic = text(notification, "topic");
        if (topic == null) {
            throw ProblemException.badRequest("topic", "is required");
        }
        return topic;
    }

    /** The feedback in the notification, or empty for topics that carry no customer message. */
    public Optional<FeedbackEvent> toFeedbackEvent(JsonNode notification, Instant receivedAt) {
        String topic = topicOf(notification);
        JsonNode item = notification.path("data").path("item");
        String conversationId = text(item, "id");
        if (!USER_CREATED.equals(topic) && !USER_REPLIED.equals(topic)) {
            return Optional.empty();
        }
        if (conversationId == null) {
            throw ProblemException.badRequest("data.item.id", "is required");
        }
        if (USER_CREATED.equals(topic)) {
            JsonNode source = item.path("source");
            String title = text(source, "subject");
            return Optional.of(event("conversation-" + conversationId, source, "data.item.source.body",
                    title == null ? null : HtmlText.toPlainText(title), firstOf(epochSeconds(item, "created_at"),
                    epochSeconds(notification, "created_at"), receivedAt), item, receivedAt));
        }
        JsonNode part = latestCustomerPart(item.path("conversation_parts").path("conversation_parts"));
        if (part == null) {
            throw ProblemException.badRequest("data.item.conversation_parts",
                    "holds no message from the customer (a comment by a user, lead or contact)");
        }
        String partId = text(part, "id");
        if (partId == null) {
            throw ProblemException.badRequest("data.item.conversation_parts.id", "is required");
        }
        return Optional.of(event("conversation-" + conversationId + "-part-" + partId, part,
                "data.item.conversation_parts.body", null,
                firstOf(epochSeconds(part, "created_at"), epochSeconds(notification, "created_at"), receivedAt), item, receivedAt));
    }

    private FeedbackEvent event(String externalId, JsonNode message, String bodyField, String title, Instant occurredAt,
                                JsonNode conversation, Instant receivedAt) {
        String html = text(message, "body");
        String body = html == null ? null : HtmlText.toPlainText(html);
        if (body == null || body.isEmpty()) {
            throw ProblemException.badRequest(bodyField, "is required and must hold text");
        }
        FeedbackRules.checkText(body).ifPresent(problem -> {
            throw ProblemException.invalid(List.of(new FieldError(bodyField, problem)));
        });
        String checkedTitle = title == null || title.isEmpty() || FeedbackRules.checkTitle(title).isPresent() ? null : title;
        return new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(SOURCE, externalId), SOURCE, externalId,
                Channel.TICKET, body, checkedTitle, null,
                null, text(message.path("author"), "id"), occurredAt.isAfter(receivedAt) ? receivedAt : occurredAt, receivedAt,
                segments(conversation), JsonFields.tags(conversation.path("tags").path("tags"), "name"));
    }

    private static JsonNode latestCustomerPart(JsonNode parts) {
        JsonNode latest = null;
        for (JsonNode part : parts) {
            boolean comment = "comment".equals(text(part, "part_type"));
            String authorType = text(part.path("author"), "type");
            // Set.of refuses to look up null: a part whose author has no type is simply not the customer's.
            if (comment && authorType != null && CUSTOMER_AUTHORS.contains(authorType) && text(part, "body") != null) {
                latest = part;
            }
        }
        return latest;
    }

    private static Map<String, String> segments(JsonNode conversation) {
        Map<String, String> segments = new LinkedHashMap<>();
        putSegmentIfValid(segments, "priority", lower(text(conversation, "priority")));
        putSegmentIfValid(segments, "state", lower(text(conversation, "state")));
        putSegmentIfValid(segments, "via", lower(text(conversation.path("source"), "delivered_as")));
        return segments;
    }

    private static Instant firstOf(Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no time given");
    }
}
