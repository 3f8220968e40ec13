package io.github.vocstream.ingest.social;

import static io.github.vocstream.ingest.webhook.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.support.problem.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A Bluesky Jetstream commit event. Only the creation of an {@code app.bsky.feed.post} is a post; its id is the
 * record's AT URI, {@code at://{did}/{collection}/{rkey}}. Deletions and updates are acknowledged and skipped: the
 * counts keep what was said (see the README's known limits); other collections (likes, follows) are not words.
 */
final class BlueskyPostMapper implements SocialMapper {

    static final String POST = "app.bsky.feed.post";

    private final UnaryOperator<String> textFilter;

    BlueskyPostMapper(UnaryOperator<String> textFilter) {
        this.textFilter = textFilter;
    }

    @Override
    public String platform() {
        return "bluesky";
    }

    @Override
    public Optional<FeedbackEvent> toFeedbackEvent(JsonNode event, String prefix, Instant receivedAt, List<FieldError> errors) {
        if (!event.path("kind").isTextual()) {
            errors.add(new FieldError(prefix + "kind", "must be the Jetstream event's kind, e.g. 'commit'"));
            return Optional.empty();
        }
        JsonNode commit = event.path("commit");
        if (!"commit".equals(text(event, "kind")) || !POST.equals(text(commit, "collection"))
                || !"create".equals(text(commit, "operation"))) {
            return Optional.empty();
        }
        int before = errors.size();
        String did = text(event, "did");
        String rkey = text(commit, "rkey");
        if (did == null || rkey == null) {
            errors.add(new FieldError(prefix + (did == null ? "did" : "commit.rkey"), "is required"));
        }
        JsonNode record = commit.path("record");
        String text = SocialText.check(text(record, "text"), prefix + "commit.record.text", errors);
        Instant occurredAt = SocialText.time(text(record, "createdAt"), prefix + "commit.record.createdAt", receivedAt, errors);
        String uri = "at://" + did + "/" + POST + "/" + rkey;
        if (errors.size() == before && FeedbackRules.checkExternalId(uri).isPresent()) {
            errors.add(new FieldError(prefix + "commit.rkey", "makes an AT URI longer than 256 characters"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        JsonNode langs = record.path("langs");
        String language = langs.isArray() && langs.size() > 0 ? langs.get(0).asText(null) : null;
        return Optional.of(new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(platform(), uri), platform(), uri,
                Channel.SOCIAL, textFilter.apply(text), null,
                language != null && FeedbackRules.checkLanguage(language).isEmpty() ? language : null, null, did,
                occurredAt, receivedAt, Map.of(), List.of()));
    }
}
