package io.github.vocstream.ingest.social;

import static io.github.vocstream.ingest.webhook.JsonFields.putSegmentIfValid;
import static io.github.vocstream.ingest.webhook.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.ingest.feedback.ExternalIds;
import io.github.vocstream.ingest.webhook.HtmlText;
import io.github.vocstream.ingest.webhook.JsonFields;
import io.github.vocstream.http.problem.FieldError;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Mastodon status (the API's JSON): {@code content} is HTML, {@code uri} is the status's id across the whole
 * fediverse, so the same toot seen through two instances counts once; it is kept hashed, as it names the author
 * ({@link ExternalIds}). Boosts ({@code reblog}) are someone else's
 * words and are skipped.
 */
final class MastodonStatusMapper implements SocialMapper {

    @Override
    public String platform() {
        return "mastodon";
    }

    @Override
    public Optional<FeedbackEvent> toFeedbackEvent(JsonNode status, String prefix, Instant receivedAt, List<FieldError> errors) {
        if (status.path("reblog").isObject()) {
            return Optional.empty();
        }
        int before = errors.size();
        String uri = text(status, "uri");
        if (uri == null || FeedbackRules.checkExternalId(uri).isPresent()) {
            errors.add(new FieldError(prefix + "uri", "is required: the status's URI, at most 256 characters"));
        }
        String html = text(status, "content");
        String text = SocialText.check(html == null ? null : HtmlText.toPlainText(html), prefix + "content", errors);
        Instant occurredAt = SocialText.time(text(status, "created_at"), prefix + "created_at", receivedAt, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        String language = text(status, "language");
        JsonNode account = status.path("account");
        Map<String, String> segments = new LinkedHashMap<>();
        String acct = text(account, "acct");
        putSegmentIfValid(segments, "instance", acct != null && acct.contains("@") ? acct.substring(acct.indexOf('@') + 1) : null);
        putSegmentIfValid(segments, "visibility", text(status, "visibility"));
        String externalId = ExternalIds.of(platform(), uri);
        return Optional.of(new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(platform(), externalId), platform(), externalId,
                Channel.SOCIAL, text, null,
                language != null && FeedbackRules.checkLanguage(language).isEmpty() ? language : null, null,
                text(account, "id"), occurredAt, receivedAt, segments, JsonFields.tags(status.path("tags"), "name")));
    }
}
