package io.github.vocstream.ingest.social;

import static io.github.vocstream.ingest.webhook.JsonFields.putSegmentIfValid;
import static io.github.vocstream.ingest.webhook.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.ingest.feedback.Retraction;
import io.github.vocstream.http.problem.FieldError;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Reddit comment as the API lists it ({@code {"kind":"t1","data":{...}}}, or the data alone): {@code name}
 * ({@code t1_…}) is the id, {@code body} is Markdown and becomes plain text. A comment Reddit shows as deleted or
 * removed retracts what it said.
 */
final class RedditCommentMapper implements SocialMapper {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|_{1,3}|~~|`+)(\\S(?:.*?\\S)?)\\1");
    private static final Pattern LINE_MARKS = Pattern.compile("(?m)^\\s{0,3}(?:>+\\s?|#{1,6}\\s+|[*+-]\\s+)");

    @Override
    public String platform() {
        return "reddit";
    }

    @Override
    public Optional<Retraction> toRetraction(JsonNode listing, String prefix, List<FieldError> errors) {
        JsonNode comment = commentOf(listing);
        if (!isDeleted(comment)) {
            return Optional.empty();
        }
        String name = fullname(comment, placeOf(listing, prefix), errors);
        return name == null ? Optional.empty() : Optional.of(Retraction.of(platform(), name));
    }

    @Override
    public Optional<FeedbackEvent> toFeedbackEvent(JsonNode listing, String prefix, Instant receivedAt, List<FieldError> errors) {
        JsonNode comment = commentOf(listing);
        String where = placeOf(listing, prefix);
        if (isDeleted(comment)) {
            return Optional.empty();
        }
        int before = errors.size();
        String name = fullname(comment, where, errors);
        String body = text(comment, "body");
        String text = SocialText.check(body == null ? null : plain(body), where + "body", errors);
        JsonNode created = comment.path("created_utc");
        if (!created.isMissingNode() && !created.isNumber()) {
            errors.add(new FieldError(where + "created_utc", "must be seconds since 1970"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        Instant occurredAt = created.isNumber() ? Instant.ofEpochMilli((long) (created.asDouble() * 1000)) : receivedAt;
        Map<String, String> segments = new LinkedHashMap<>();
        putSegmentIfValid(segments, "subreddit", text(comment, "subreddit"));
        return Optional.of(new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(platform(), name), platform(), name,
                Channel.SOCIAL, text, null, null, null, text(comment, "author"),
                occurredAt.isAfter(receivedAt) ? receivedAt : occurredAt, receivedAt, segments, List.of()));
    }

    private static JsonNode commentOf(JsonNode listing) {
        return listing.path("data").isObject() ? listing.path("data") : listing;
    }

    private static String placeOf(JsonNode listing, String prefix) {
        return listing.path("data").isObject() ? prefix + "data." : prefix;
    }

    /** Reddit keeps a deleted or removed comment, with this in place of its words. */
    private static boolean isDeleted(JsonNode comment) {
        String body = text(comment, "body");
        return "[deleted]".equals(body) || "[removed]".equals(body);
    }

    /** The comment's fullname, or null with the field at fault. */
    private static String fullname(JsonNode comment, String where, List<FieldError> errors) {
        String name = text(comment, "name");
        if (name == null || !name.startsWith("t1_") || name.length() > 64) {
            errors.add(new FieldError(where + "name", "must be the comment's fullname, t1_ and its id"));
            return null;
        }
        return name;
    }

    /** Markdown as a reader sees it: link texts without their targets, no emphasis marks, quotes or bullets. */
    static String plain(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        text = EMPHASIS.matcher(text).replaceAll("$2");
        text = LINE_MARKS.matcher(text).replaceAll("");
        return text.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&").strip();
    }
}
