package io.github.vocstream.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Reads a request body as JSON, or fails with a 400 that says where the JSON breaks. */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("body", "is empty; send a JSON object or array");
        }
        try {
            JsonNode root = Json.mapper().readTree(body);
            if (root == null || root.isMissingNode()) {
                throw ProblemException.badRequest("body", "is empty; send a JSON object or array");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("body", notJson(e));
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The items of newline-delimited JSON, one per line; a final newline is allowed. A line that is blank or not
     * JSON adds an error named {@code [index]} to {@code errors} and is null in the list, so that every line at
     * fault is named at once. 400 for no line, 413 for more than {@code maxItems}.
     */
    public static List<JsonNode> lines(String text, int maxItems, String what, List<FieldError> errors) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw ProblemException.badRequest("body", "holds no line; send 1 to " + maxItems + " " + what + ", one per line");
        }
        requireAtMost(lines.size(), maxItems, what);
        List<JsonNode> items = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            JsonNode item = null;
            if (line.isBlank()) {
                errors.add(new FieldError("[" + i + "]", "is a blank line; send one item per line"));
            } else {
                try {
                    item = Json.mapper().readTree(line);
                } catch (JsonProcessingException e) {
                    errors.add(new FieldError("[" + i + "]", notJson(e)));
                }
            }
            items.add(item);
        }
        return items;
    }

    private static String notJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return "is not valid JSON: " + e.getOriginalMessage() + where;
    }

    /**
     * The items of a body that holds one object or an array of them: 400 for an empty array or anything else, 413
     * for more than {@code maxItems}. {@code what} names an item in messages ("items", "reviews").
     */
    public static List<JsonNode> items(JsonNode root, int maxItems, String what) {
        if (root.isObject()) {
            return List.of(root);
        }
        if (!root.isArray()) {
            throw ProblemException.badRequest("body", "must be a JSON object or an array of " + what);
        }
        if (root.isEmpty()) {
            throw ProblemException.badRequest("body", "the array holds no " + what + "; send 1 to " + maxItems);
        }
        requireAtMost(root.size(), maxItems, what);
        List<JsonNode> items = new ArrayList<>(root.size());
        root.forEach(items::add);
        return items;
    }

    private static void requireAtMost(int count, int maxItems, String what) {
        if (count > maxItems) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "at most " + maxItems + " " + what + " per request, got " + count,
                    List.of(new FieldError("body", "holds " + count + " " + what)), null);
        }
    }

    /**
     * Hands each item of {@code items} (from {@link #items}) that is a JSON object to {@code read}, with the prefix its
     * fields take in errors: {@code [index].} in an array, nothing for one object. Any other item is named in
     * {@code errors} instead.
     */
    public static void eachObject(JsonNode root, List<JsonNode> items, List<FieldError> errors, BiConsumer<JsonNode, String> read) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isObject()) {
                read.accept(items.get(i), root.isArray() ? "[" + i + "]." : "");
            } else {
                errors.add(new FieldError(root.isArray() ? "[" + i + "]" : "body", "must be a JSON object"));
            }
        }
    }

    /**
     * The string {@code field} of {@code item} if it passes {@code check}; else null, with the field at fault (named
     * with {@code prefix}) added to {@code errors}.
     */
    public static String requiredText(JsonNode item, String field, String prefix, Function<String, Optional<String>> check,
                                      List<FieldError> errors) {
        JsonNode value = item.get(field);
        if (value == null || !value.isTextual()) {
            errors.add(new FieldError(prefix + field, "is required, as a string"));
            return null;
        }
        Optional<String> problem = check.apply(value.textValue());
        problem.ifPresent(message -> errors.add(new FieldError(prefix + field, message)));
        return problem.isPresent() ? null : value.textValue();
    }
}
