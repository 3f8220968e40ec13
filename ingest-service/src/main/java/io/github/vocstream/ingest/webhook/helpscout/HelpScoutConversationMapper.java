package io.github.vocstream.ingest.webhook.helpscout;

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
 * Turns a Help Scout webhook (the event is in the {@code X-HelpScout-Event} header, the body is the conversation)
 * into feedback: on {@code convo.created} the customer's first thread, with the subject as title; on
 * {@code convo.customer.reply.created} their latest thread. Threads are HTML and become plain text; the id is the
 * thread's, so a redelivery counts once.
 */
public final class HelpScoutConversationMapper {

    static final String SOURCE = "helpscout";
    static final String CREATED = "convo.created";
    static final String CUSTOMER_REPLIED = "convo.customer.reply.created";

    public Optional<FeedbackEvent> toFeedbackEvent(String event, JsonNode conversation, Instant receivedAt) {
        if (!CREATED.equals(event) && !CUSTOMER_REPLIED.equals(event)) {
            return Optional.empty();
        }
        if (!conversation.isObject()) {
            throw ProblemException.badRequest("body", "must be a Help Scout conversation object");
        }
        if (text(conversation, "id") == null) {
            throw ProblemException.badRequest("id", "is required");
        }
        // The Mailbox API embeds threads; older webhook payloads list them at the top.
        JsonNode threads = conversation.path("_embedded").path("threads");
        if (!threads.isArray()) {
            threads = conversation.path("threads");
        }
        JsonNode thread = customerThread(threads, CREATED.equals(event));
        if (thread == null) {
            throw ProblemException.badRequest("_embedded.threads", "holds no thread written by the customer");
        }
        String threadId = text(thread, "id");
        String html = text(thread, "body");
        String body = html == null ? null : HtmlText.toPlainText(html);
        if (threadId == null || body == null || body.isEmpty()) {
            throw ProblemException.badRequest("_embedded.threads", "the customer's thread needs an id and a body with text");
        }
        FeedbackRules.checkText(body).ifPresent(problem -> {
            throw ProblemException.invalid(List.of(new FieldError("_embedded.threads.body", problem)));
        });
        String subject = CREATED.equals(event) ? text(conversation, "subject") : null;
        String title = subject == null || FeedbackRules.checkTitle(subject).isPresent() ? null : subject;
        Instant occurredAt = time(thread, receivedAt);
        String externalId = "thread-" + threadId;
        return Optional.of(new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(SOURCE, externalId), SOURCE,
                externalId, Channel.TICKET, body, title, null, null,
                text(thread.path("createdBy"), "id"), occurredAt.isAfter(receivedAt) ? receivedAt : occurredAt, receivedAt,
                segments(conversation), JsonFields.tags(conversation.path("tags"), "tag")));
    }

    /** The customer's first or latest thread, in the order Help Scout lists them (newest first). */
    private static JsonNode customerThread(JsonNode threads, boolean first) {
        JsonNode chosen = null;
        for (JsonNode thread : threads) {
            if ("customer".equals(text(thread, "type")) && text(thread, "body") != null) {
                if (!first) {
                    return thread;
                }
                chosen = thread;
            }
        }
        return chosen;
    }

    private static Instant time(JsonNode thread, Instant receivedAt) {
        String createdAt = text(thread, "createdAt");
        if (createdAt == null) {
            return receivedAt;
        }
        try {
            return OffsetDateTime.parse(createdAt).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("_embedded.threads.createdAt", "must be an ISO-8601 date-time");
        }
    }

    private static Map<String, String> segments(JsonNode conversation) {
        Map<String, String> segments = new LinkedHashMap<>();
        putSegmentIfValid(segments, "mailbox", text(conversation, "mailboxId"));
        putSegmentIfValid(segments, "via", lower(text(conversation, "type")));
        putSegmentIfValid(segments, "status", lower(text(conversation, "status")));
        return segments;
    }
}
