package io.github.vocstream.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackRules;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading platform payloads leniently: they send ids as strings or numbers, and fields we do not need may be junk. */
public final class JsonFields {

    private JsonFields() {
    }

    /** A scalar field as text, or null when it is missing, null, blank or not a scalar. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** A field of seconds since 1970 as an instant, or null when it is missing, not a whole number or out of range. */
    public static Instant epochSeconds(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(value.asLong());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The tags in {@code array}: its strings, or the {@code field} of its objects ({@code [{"name":"vip"}]}), made
     * into tags by {@link FeedbackRules#tags}. Anything else is ignored.
     */
    public static List<String> tags(JsonNode array, String field) {
        List<String> labels = new ArrayList<>();
        for (JsonNode label : array.isArray() ? array : List.<JsonNode>of()) {
            JsonNode value = label.isObject() ? label.path(field) : label;
            if (value.isTextual()) {
                labels.add(value.textValue());
            }
        }
        return FeedbackRules.tags(labels);
    }

    public static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** Segments are a convenience: a value our rules refuse is left out rather than refusing the item. */
    public static void putSegmentIfValid(Map<String, String> segments, String dimension, String value) {
        if (value != null && FeedbackRules.checkSegmentValue(value).isEmpty()) {
            segments.put(dimension, value);
        }
    }
}
