package io.github.vocstream.ingest.webhook.zendesk;

import static io.github.vocstream.ingest.webhook.JsonFields.lower;
import static io.github.vocstream.ingest.webhook.JsonFields.putSegmentIfValid;
import static io.github.vocstream.ingest.webhook.JsonFields.text;

import io.github.vocstream.ingest.webhook.JsonFields;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
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

/**
 * Turns a Zendesk event webhook into feedback. Only {@code zen:event-type:ticket.created} is the customer's voice
 * here: the ticket's subject becomes the title, its description the text, and priority, channel and organisation
 * become segments. The id is the ticket's, so a redelivered or retried event counts once.
 */
public final class ZendeskTicketMapper {

    static final String SOURCE = "zendesk";
    static final String TICKET_CREATED = "zen:event-type:ticket.created";

    /** The feedback in the event, or empty for event types that carry none. */
    public Optional<FeedbackEvent> toFeedbackEvent(JsonNode event, Instant receivedAt) {
        if (!event.isObject()) {
            throw ProblemException.badRequest("body", "must be a Zendesk event object");
        }
        if (!event.path("type").isTextual()) {
            throw ProblemException.badRequest("type", "must be the event type, e.g. '" + TICKET_CREATED + "'");
        }
        if (!TICKET_CREATED.equals(text(event, "type"))) {
            return Optional.empty();
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode detail = event.path("detail");
        String ticketId = text(detail, "id");
        if (ticketId == null) {
            errors.add(new FieldError("detail.id", "is required"));
        }
        String description = text(detail, "description");
        if (description == null) {
            errors.add(new FieldError("detail.description", "is required"));
        } else {
            FeedbackRules.checkText(description).ifPresent(problem -> errors.add(new FieldError("detail.description", problem)));
        }
        String subject = text(detail, "subject");
        if (subject != null) {
            FeedbackRules.checkTitle(subject).ifPresent(problem -> errors.add(new FieldError("detail.subject", problem)));
        }
        Instant occurredAt = time(event, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String externalId = "ticket-" + ticketId;
        return Optional.of(new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(SOURCE, externalId), SOURCE,
                externalId, Channel.TICKET, description, subject,
                null, null, text(detail, "requester_id"), occurredAt == null ? receivedAt : occurredAt, receivedAt,
                segments(detail), JsonFields.tags(detail.path("tags"), "name")));
    }

    private static Map<String, String> segments(JsonNode detail) {
        Map<String, String> segments = new LinkedHashMap<>();
        putSegmentIfValid(segments, "priority", lower(text(detail, "priority")));
        putSegmentIfValid(segments, "via", lower(text(detail.path("via"), "channel")));
        putSegmentIfValid(segments, "organization", text(detail, "organization_id"));
        return segments;
    }

    private static Instant time(JsonNode event, List<FieldError> errors) {
        String time = text(event, "time");
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("time", "must be an ISO-8601 date-time"));
            return null;
        }
    }
}
