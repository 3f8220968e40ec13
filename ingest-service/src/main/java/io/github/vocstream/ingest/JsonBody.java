package io.github.vocstream.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.support.problem.ProblemException;
import java.io.IOException;

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
}
