package io.github.vocstream.common.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One piece of customer text as it entered the system; immutable once published.
 *
 * <p>{@code id} is {@code source:externalId}, so a retried delivery of the same item maps to the same id.
 * {@code title}, {@code language}, {@code rating} and {@code author} may be null. {@code tags} are the labels the
 * source gave the item (lower case, each counted in the segment {@code tag:<tag>}); records written before tags
 * existed read as having none.
 */
public record FeedbackEvent(
        int schemaVersion,
        String id,
        String source,
        String externalId,
        Channel channel,
        String text,
        String title,
        String language,
        Integer rating,
        String author,
        Instant occurredAt,
        Instant receivedAt,
        Map<String, String> segments,
        List<String> tags) {

    public static final int SCHEMA_VERSION = 1;

    public FeedbackEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        // Sorted, so that the wire format and the derived segment keys have one stable order.
        segments = segments == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(segments));
        tags = tags == null ? List.of() : List.copyOf(new TreeSet<>(tags));
    }

    /** This event with another author reference (null for none). */
    public FeedbackEvent withAuthor(String otherAuthor) {
        return new FeedbackEvent(schemaVersion, id, source, externalId, channel, text, title, language, rating, otherAuthor,
                occurredAt, receivedAt, segments, tags);
    }

    /** This event with its text and title (null for none) rewritten, e.g. masked. */
    public FeedbackEvent withText(String otherText, String otherTitle) {
        return new FeedbackEvent(schemaVersion, id, source, externalId, channel, otherText, otherTitle, language, rating, author,
                occurredAt, receivedAt, segments, tags);
    }

    /** The stable id of an item: retried deliveries of the same source item get the same one. */
    public static String idOf(String source, String externalId) {
        return source + ":" + externalId;
    }
}
