package io.github.vocstream.ingest.social;

import static io.github.vocstream.ingest.webhook.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.ingest.feedback.ExternalIds;
import io.github.vocstream.ingest.feedback.Retraction;
import io.github.vocstream.http.problem.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Bluesky Jetstream commit event. The creation of an {@code app.bsky.feed.post} is a post; its id is the record's
 * AT URI, {@code at://{did}/{collection}/{rkey}}, kept hashed, as the DID names the author ({@link ExternalIds}). The deletion of a post retracts it. An update is acknowledged and
 * skipped: the first version counts (see the README's known limits); other collections (likes, follows) are not words.
 */
final class BlueskyPostMapper implements SocialMapper {

    static final String POST = "app.bsky.feed.post";

    @Override
    public String platform() {
        return "bluesky";
    }

    @Override
    public Optional<Retraction> toRetraction(JsonNode event, String prefix, List<FieldError> errors) {
        if (!isPostCommit(event, "delete")) {
            return Optional.empty();
        }
        return atUri(event, event.path("commit"), prefix, errors).map(uri -> Retraction.of(platform(), uri));
    }

    @Override
    public Optional<FeedbackEvent> toFeedbackEvent(JsonNode event, String prefix, Instant receivedAt, List<FieldError> errors) {
        if (!event.path("kind").isTextual()) {
            errors.add(new FieldError(prefix + "kind", "must be the Jetstream event's kind, e.g. 'commit'"));
            return Optional.empty();
        }
        if (!isPostCommit(event, "create")) {
            return Optional.empty();
        }
        JsonNode commit = event.path("commit");
        int before = errors.size();
        Optional<String> uri = atUri(event, commit, prefix, errors);
        JsonNode record = commit.path("record");
        String text = SocialText.check(text(record, "text"), prefix + "commit.record.text", errors);
        Instant occurredAt = SocialText.time(text(record, "createdAt"), prefix + "commit.record.createdAt", receivedAt, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        String did = text(event, "did");
        JsonNode langs = record.path("langs");
        String language = langs.isArray() && langs.size() > 0 ? langs.get(0).asText(null) : null;
        String externalId = ExternalIds.of(platform(), uri.get());
        return Optional.of(new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(platform(), externalId), platform(), externalId,
                Channel.SOCIAL, text, null,
                language != null && FeedbackRules.checkLanguage(language).isEmpty() ? language : null, null, did,
                occurredAt, receivedAt, Map.of(), List.of()));
    }

    private static boolean isPostCommit(JsonNode event, String operation) {
        JsonNode commit = event.path("commit");
        return "commit".equals(text(event, "kind")) && POST.equals(text(commit, "collection"))
                && operation.equals(text(commit, "operation"));
    }

    /** The post's AT URI, the same for its creation and its deletion; empty, with the field at fault, without one. */
    private static Optional<String> atUri(JsonNode event, JsonNode commit, String prefix, List<FieldError> errors) {
        String did = text(event, "did");
        String rkey = text(commit, "rkey");
        if (did == null || rkey == null) {
            errors.add(new FieldError(prefix + (did == null ? "did" : "commit.rkey"), "is required"));
            return Optional.empty();
        }
        String uri = "at://" + did + "/" + POST + "/" + rkey;
        if (FeedbackRules.checkExternalId(uri).isPresent()) {
            errors.add(new FieldError(prefix + "commit.rkey", "makes an AT URI longer than 256 characters"));
            return Optional.empty();
        }
        return Optional.of(uri);
    }
}
