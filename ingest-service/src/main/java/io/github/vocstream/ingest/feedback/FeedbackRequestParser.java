package io.github.vocstream.ingest.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a request body (one item or an array of items) into feedback events, or fails naming every field at
 * fault. All items are checked before any is accepted, so a request is taken whole or not at all.
 */
public final class FeedbackRequestParser {

    /** Clocks drift; an item may claim to be this far ahead of our own clock. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final int maxItems;

    public FeedbackRequestParser(int maxItems) {
        this.maxItems = maxItems;
    }

    public List<FeedbackEvent> parse(byte[] body, Instant receivedAt) {
        return parse(body, receivedAt, FeedbackRules::checkSource);
    }

    /** As {@link #parse(byte[], Instant)}, with {@code sourceCheck} judging each item's source instead of the usual rule. */
    public List<FeedbackEvent> parse(byte[] body, Instant receivedAt, Function<String, Optional<String>> sourceCheck) {
        JsonNode root = JsonBody.read(body);
        return readAll(JsonBody.items(root, maxItems, "items"), root.isArray(), receivedAt, sourceCheck, new ArrayList<>());
    }

    /** Newline-delimited JSON, one item per line; the fields of line {@code i} (from 0) are named {@code [i].field}. */
    public List<FeedbackEvent> parseLines(String lines, Instant receivedAt) {
        List<FieldError> errors = new ArrayList<>();
        return readAll(JsonBody.lines(lines, maxItems, "items", errors), true, receivedAt, FeedbackRules::checkSource, errors);
    }

    /** Reads every item (null ones already have their error), then fails naming every field at fault, or returns them all. */
    private List<FeedbackEvent> readAll(List<JsonNode> items, boolean numbered, Instant receivedAt,
                                        Function<String, Optional<String>> sourceCheck, List<FieldError> errors) {
        List<FeedbackEvent> events = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                String prefix = numbered ? "[" + i + "]" : "";
                new ItemReader(items.get(i), prefix, receivedAt, errors, sourceCheck).read().ifPresent(events::add);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return events;
    }

    /** Reads one item, adding an error per field at fault. */
    private static final class ItemReader {

        private final JsonNode item;
        private final String prefix;
        private final Instant receivedAt;
        private final List<FieldError> errors;
        private final int errorsBefore;
        private final Function<String, Optional<String>> sourceCheck;

        ItemReader(JsonNode item, String prefix, Instant receivedAt, List<FieldError> errors,
                   Function<String, Optional<String>> sourceCheck) {
            this.sourceCheck = sourceCheck;
            this.item = item;
            this.prefix = prefix;
            this.receivedAt = receivedAt;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        Optional<FeedbackEvent> read() {
            if (!item.isObject()) {
                errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix, "must be a JSON object"));
                return Optional.empty();
            }
            String source = requiredString("source", sourceCheck);
            String externalId = requiredString("externalId", FeedbackRules::checkExternalId);
            Channel channel = channel();
            String text = requiredString("text", FeedbackRules::checkText);
            String title = optionalString("title", FeedbackRules::checkTitle);
            String language = optionalString("language", FeedbackRules::checkLanguage);
            Integer rating = rating();
            String author = optionalString("author", FeedbackRules::checkAuthor);
            Instant occurredAt = occurredAt();
            Map<String, String> segments = segments();
            List<String> tags = tags();
            if (errors.size() > errorsBefore) {
                return Optional.empty();
            }
            String keptId = ExternalIds.of(source, externalId);
            return Optional.of(new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(source, keptId),
                    source, keptId, channel, text, title,
                    language, rating, author,
                    occurredAt == null ? receivedAt : occurredAt, receivedAt, segments, tags));
        }

        private String requiredString(String field, Function<String, Optional<String>> check) {
            JsonNode node = item.get(field);
            if (node == null || node.isNull()) {
                fail(field, "is required");
                return null;
            }
            return checkedString(field, node, check);
        }

        private String optionalString(String field, Function<String, Optional<String>> check) {
            JsonNode node = item.get(field);
            return node == null || node.isNull() ? null : checkedString(field, node, check);
        }

        private String checkedString(String field, JsonNode node, Function<String, Optional<String>> check) {
            if (!node.isTextual()) {
                fail(field, "must be a string, was " + kind(node));
                return null;
            }
            check.apply(node.textValue()).ifPresent(problem -> fail(field, problem));
            return node.textValue();
        }

        private Channel channel() {
            String name = requiredString("channel", value -> Optional.empty());
            if (name == null) {
                return null;
            }
            Optional<Channel> channel = Channel.parse(name);
            if (channel.isEmpty()) {
                fail("channel", "must be one of " + Arrays.toString(Channel.values()).toLowerCase(Locale.ROOT) + ", was '" + name + "'");
            }
            return channel.orElse(null);
        }

        private Integer rating() {
            JsonNode node = item.get("rating");
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                fail("rating", "must be a whole number, was " + kind(node));
                return null;
            }
            FeedbackRules.checkRating(node.intValue()).ifPresent(problem -> fail("rating", problem));
            return node.intValue();
        }

        private Instant occurredAt() {
            String value = optionalString("occurredAt", v -> Optional.empty());
            if (value == null) {
                return null;
            }
            try {
                Instant occurredAt = OffsetDateTime.parse(value).toInstant();
                if (occurredAt.isAfter(receivedAt.plus(FUTURE_TOLERANCE))) {
                    fail("occurredAt", "lies in the future: " + value);
                }
                return occurredAt;
            } catch (DateTimeParseException e) {
                fail("occurredAt", "must be an ISO-8601 date-time with offset, such as 2026-11-20T10:15:30Z");
                return null;
            }
        }

        private Map<String, String> segments() {
            JsonNode node = item.get("segments");
            if (node == null || node.isNull()) {
                return Map.of();
            }
            if (!node.isObject()) {
                fail("segments", "must be an object of names to string values, was " + kind(node));
                return Map.of();
            }
            if (node.size() > FeedbackRules.MAX_SEGMENTS) {
                fail("segments", "must hold at most " + FeedbackRules.MAX_SEGMENTS + " entries");
                return Map.of();
            }
            Map<String, String> segments = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = fields.next();
                String field = "segments." + entry.getKey();
                FeedbackRules.checkSegmentDimension(entry.getKey()).ifPresent(problem -> fail(field, problem));
                if (!entry.getValue().isTextual()) {
                    fail(field, "must be a string, was " + kind(entry.getValue()));
                    continue;
                }
                String value = entry.getValue().textValue().strip();
                FeedbackRules.checkSegmentValue(value).ifPresent(problem -> fail(field, problem));
                segments.put(entry.getKey(), value);
            }
            return segments;
        }

        private List<String> tags() {
            JsonNode node = item.get("tags");
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray() || node.size() > FeedbackRules.MAX_TAGS) {
                fail("tags", "must be an array of at most " + FeedbackRules.MAX_TAGS + " strings, was " + kind(node));
                return List.of();
            }
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode tag = node.get(i);
                String field = "tags[" + i + "]";
                if (!tag.isTextual() || tag.textValue().isBlank()) {
                    fail(field, "must be a non-blank string, was " + kind(tag));
                    continue;
                }
                FeedbackRules.checkSegmentValue(tag.textValue().strip()).ifPresent(problem -> fail(field, problem));
                tags.add(tag.textValue());
            }
            return FeedbackRules.tags(tags);
        }

        private void fail(String field, String detail) {
            errors.add(new FieldError(prefix.isEmpty() ? field : prefix + "." + field, detail));
        }

        private static String kind(JsonNode node) {
            return switch (node.getNodeType()) {
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                case BOOLEAN -> "a boolean";
                case NUMBER -> "a number";
                case STRING -> "a string";
                default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
