package io.github.vocstream.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.support.problem.ProblemException;
import io.github.vocstream.support.problem.FieldError;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ProblemException.badRequest("body", "is not valid JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "cannot be read: " + e.getMessage());
        }
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
        if (root.size() > maxItems) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "at most " + maxItems + " " + what + " per request, got " + root.size(),
                    List.of(new FieldError("body", "holds " + root.size() + " " + what)), null);
        }
        List<JsonNode> items = new ArrayList<>(root.size());
        root.forEach(items::add);
        return items;
    }

    /** How the fields of item {@code index} are named in errors: {@code [index].} in an array, nothing for one object. */
    public static String prefix(JsonNode root, int index) {
        return root.isArray() ? "[" + index + "]." : "";
    }
}
