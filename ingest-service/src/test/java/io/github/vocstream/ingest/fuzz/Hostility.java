package io.github.vocstream.ingest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.vocstream.common.kafka.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What one try of the fuzz tier does to a real payload, the same to every endpoint's: edits to its JSON (a value
 * replaced by hostile JSON, a field set everywhere it occurs, a field removed) or a body of its own (a unit repeated,
 * random bytes, the payload cut or with bytes flipped), and what it does to the credentials.
 */
record Hostility(List<Edit> edits, Raw raw, Credentials credentials, String headerValue) {

    /** How the request's credentials are sent. */
    enum Credentials {
        VALID, MISSING, HOSTILE
    }

    /** One change to the payload's JSON; {@code json} is spliced in as it is, so it need not be valid JSON. */
    record Edit(Action action, int at, String field, String json) {

        enum Action {
            REPLACE, SET_FIELD, REMOVE
        }

        @Override
        public String toString() {
            return action + "(" + (action == Action.SET_FIELD ? field : "#" + at) + (action == Action.REMOVE ? "" : ", " + Hostility.shorten(json)) + ")";
        }
    }

    /** A body that is not an edit of the payload. */
    record Raw(Kind kind, String unit, int times, long seed) {

        enum Kind {
            REPEATED, RANDOM_BYTES, CUT, FLIPPED
        }

        byte[] body(byte[] valid) {
            Random random = new Random(seed);
            return switch (kind) {
                case REPEATED -> unit.repeat(times).getBytes(StandardCharsets.UTF_8);
                case RANDOM_BYTES -> {
                    byte[] bytes = new byte[times];
                    random.nextBytes(bytes);
                    yield bytes;
                }
                case CUT -> Arrays.copyOf(valid, random.nextInt(valid.length));
                case FLIPPED -> {
                    byte[] bytes = valid.clone();
                    for (int i = 0; i < 1 + times % 8; i++) {
                        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    }
                    yield bytes;
                }
            };
        }

        @Override
        public String toString() {
            return kind + (kind == Kind.REPEATED ? "(" + Hostility.shorten(unit) + " x " + times + ")" : "(" + times + ", seed " + seed + ")");
        }
    }

    // A text node holding this is replaced by the edit's JSON after serialising: its escaped form cannot occur otherwise.
    private static final String SPLICE = "\u0001splice\u0001";
    private static final String SPLICED = "\"\\u0001splice\\u0001\"";

    /** The body this try sends instead of {@code valid}. */
    byte[] body(byte[] valid) {
        if (raw != null) {
            return raw.body(valid);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(valid);
        } catch (IOException e) {
            throw new IllegalArgumentException("the payload to edit is not JSON", e);
        }
        List<String> splices = new ArrayList<>();
        for (Edit edit : edits) {
            apply(edit, root, splices);
        }
        String json = root.toString();
        StringBuilder body = new StringBuilder(json.length());
        int from = 0;
        for (String splice : splices) {
            int at = json.indexOf(SPLICED, from);
            if (at < 0) {
                // A later edit removed or replaced what an earlier one spliced.
                break;
            }
            body.append(json, from, at).append(splice);
            from = at + SPLICED.length();
        }
        body.append(json, from, json.length());
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void apply(Edit edit, JsonNode root, List<String> splices) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        switch (edit.action()) {
            case REPLACE -> {
                if (!slots.isEmpty()) {
                    slots.get(Math.floorMod(edit.at(), slots.size())).set().accept(splice(edit.json(), splices));
                }
            }
            case REMOVE -> {
                List<Slot> fields = slots.stream().filter(slot -> slot.parent() instanceof ObjectNode).toList();
                if (!fields.isEmpty()) {
                    Slot field = fields.get(Math.floorMod(edit.at(), fields.size()));
                    ((ObjectNode) field.parent()).remove(field.name());
                }
            }
            case SET_FIELD -> {
                List<ObjectNode> objects = new ArrayList<>();
                if (root instanceof ObjectNode object) {
                    objects.add(object);
                }
                slots.stream().map(Slot::value).filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).forEach(objects::add);
                List<ObjectNode> holding = objects.stream().filter(object -> object.has(edit.field())).toList();
                for (ObjectNode object : holding.isEmpty() ? objects.stream().limit(1).toList() : holding) {
                    object.set(edit.field(), splice(edit.json(), splices));
                }
            }
        }
    }

    private static TextNode splice(String json, List<String> splices) {
        splices.add(json);
        return TextNode.valueOf(SPLICE);
    }

    /** A place in the tree that holds a value, and how to put another there. */
    private record Slot(JsonNode parent, String name, JsonNode value, Consumer<JsonNode> set) {
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                slots.add(new Slot(object, field.getKey(), field.getValue(), value -> object.set(field.getKey(), value)));
                collect(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                slots.add(new Slot(array, null, array.get(i), value -> array.set(index, value)));
                collect(array.get(i), slots);
            }
        }
    }

    static String shorten(String text) {
        String visible = text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
        return "'" + visible.replace("\n", "\\n") + "'";
    }

    @Override
    public String toString() {
        return (raw != null ? raw.toString() : edits.toString()) + ", credentials " + credentials
                + (credentials == Credentials.HOSTILE ? " " + shorten(headerValue) : "");
    }
}
