package io.github.vocstream.ingest.webhook.freshdesk;

import static io.github.vocstream.ingest.webhook.JsonFields.lower;
import static io.github.vocstream.ingest.webhook.JsonFields.putSegmentIfValid;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.common.segment.SegmentKey;
import io.github.vocstream.ingest.webhook.HtmlText;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Freshdesk automation webhook through the configured JSON pointers: the ticket id, its text (HTML made
 * plain), title, author and segments. Errors name the pointer, since it is the admin's own body.
 */
public final class FreshdeskTicketMapper {

    static final String SOURCE = "freshdesk";

    private final JsonPointer id;
    private final JsonPointer text;
    private final JsonPointer title;
    private final JsonPointer author;
    private final JsonPointer tags;
    private final Map<String, JsonPointer> segments = new LinkedHashMap<>();

    /** Compiles the pointers, so that a malformed one stops the start rather than a delivery. */
    public FreshdeskTicketMapper(FreshdeskWebhookConfiguration configuration) {
        this.id = pointer("id", configuration.id());
        this.text = pointer("text", configuration.text());
        this.title = pointer("title", configuration.title());
        this.author = pointer("author", configuration.author());
        this.tags = configuration.tags() == null || configuration.tags().isBlank() ? null : pointer("tags", configuration.tags());
        configuration.segmentsOrDefault().forEach((name, at) -> {
            if (FeedbackRules.checkSegmentDimension(name).isPresent() || SegmentKey.isReservedDimension(name)) {
                throw new IllegalStateException("voc.webhooks.freshdesk.segments has an unusable segment name '" + name + "'");
            }
            segments.put(name, pointer("segments." + name, at));
        });
    }

    public FeedbackEvent toFeedbackEvent(JsonNode body, Instant receivedAt) {
        List<FieldError> errors = new ArrayList<>();
        String ticketId = scalar(body, id);
        if (ticketId == null || FeedbackRules.checkExternalId(ticketId).isPresent()) {
            errors.add(new FieldError(id.toString(), "is required: the ticket id"));
        }
        String html = scalar(body, text);
        String plain = html == null ? null : HtmlText.toPlainText(html);
        if (plain == null || plain.isEmpty()) {
            errors.add(new FieldError(text.toString(), "is required and must hold text"));
        } else {
            FeedbackRules.checkText(plain).ifPresent(problem -> errors.add(new FieldError(text.toString(), problem)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String subject = scalar(body, title);
        String checkedTitle = subject == null || FeedbackRules.checkTitle(subject).isPresent() ? null : subject;
        String authorRef = scalar(body, author);
        Map<String, String> values = new LinkedHashMap<>();
        segments.forEach((name, at) -> putSegmentIfValid(values, name, lower(scalar(body, at))));
        String externalId = "ticket-" + ticketId;
        return new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(SOURCE, externalId), SOURCE, externalId,
                Channel.TICKET, plain, checkedTitle, null, null,
                authorRef == null || FeedbackRules.checkAuthor(authorRef).isPresent() ? null : authorRef, receivedAt, receivedAt,
                values, tags == null ? List.of() : FeedbackRules.tags(Arrays.asList(tagList(body))));
    }

    /** Freshdesk's {{ticket.tags}} placeholder writes the tags comma-separated. */
    private String[] tagList(JsonNode body) {
        String list = scalar(body, tags);
        return list == null ? new String[0] : list.split(",");
    }

    private static String scalar(JsonNode body, JsonPointer at) {
        JsonNode value = body.at(at);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static JsonPointer pointer(String setting, String expression) {
        try {
            return JsonPointer.compile(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("voc.webhooks.freshdesk." + setting + " is not a JSON pointer such as "
                    + "/freshdesk_webhook/ticket_id: '" + expression + "'", e);
        }
    }
}
