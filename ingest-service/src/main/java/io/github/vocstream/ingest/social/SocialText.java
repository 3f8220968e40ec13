package io.github.vocstream.ingest.social;

import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.http.problem.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Checks shared by the social mappers: usable text, a parseable time never later than receipt. */
final class SocialText {

    private SocialText() {
    }

    /** {@code text} if it is usable feedback text, else null with an error on {@code field}. */
    static String check(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required and must hold text"));
            return null;
        }
        return FeedbackRules.checkText(text).map(problem -> {
            errors.add(new FieldError(field, problem));
            return (String) null;
        }).orElse(text);
    }

    static Instant time(String iso, String field, Instant receivedAt, List<FieldError> errors) {
        if (iso == null) {
            return receivedAt;
        }
        try {
            Instant at = OffsetDateTime.parse(iso).toInstant();
            return at.isAfter(receivedAt) ? receivedAt : at;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time"));
            return receivedAt;
        }
    }
}
