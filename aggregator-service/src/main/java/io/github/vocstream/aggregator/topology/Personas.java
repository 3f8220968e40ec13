package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.common.segment.SegmentKey;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Personas: segments of their own that combine values of others, as a file defines them
 * ({@code personas: {eu-pro: {region: EU, plan: pro}}}). An item is in {@code persona:eu-pro} when it is in every
 * segment the persona names ({@code region:EU} and {@code plan:pro}), so the persona has its own row in every table,
 * timeline and alert, and takes retractions like any segment. A bad file stops the start, naming its line.
 */
public final class Personas {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DIMENSION = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private final Map<String, List<String>> segmentsByPersona;

    private Personas(Map<String, List<String>> segmentsByPersona) {
        this.segmentsByPersona = Map.copyOf(segmentsByPersona);
    }

    public static Personas none() {
        return new Personas(Map.of());
    }

    /** The personas of one file; {@code source} names it in error messages. */
    public static Personas parse(String source, Reader yaml) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(yaml);
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(source + ", line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (!(root instanceof MappingNode top) || top.getValue().size() != 1
                || !"personas".equals(scalar(source, top.getValue().get(0).getKeyNode()))) {
            throw error(source, root, "the file must be a mapping with one key, 'personas:'");
        }
        Node personas = top.getValue().get(0).getValueNode();
        if (!(personas instanceof MappingNode definitions) || definitions.getValue().isEmpty()) {
            throw error(source, personas, "'personas' must map each persona's name to the segment values it combines");
        }
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (NodeTuple definition : definitions.getValue()) {
            String name = scalar(source, definition.getKeyNode());
            if (!NAME.matcher(name).matches() || name.length() > 64) {
                throw error(source, definition.getKeyNode(), "a persona's name is lower-case letters, digits and '-', was '" + name + "'");
            }
            if (parsed.containsKey(name)) {
                throw error(source, definition.getKeyNode(), "persona '" + name + "' is defined twice");
            }
            if (!(definition.getValueNode() instanceof MappingNode values) || values.getValue().isEmpty()) {
                throw error(source, definition.getValueNode(), "persona '" + name + "' must map dimensions to values, e.g. {region: EU}");
            }
            List<String> segments = new ArrayList<>();
            for (NodeTuple pair : values.getValue()) {
                String dimension = scalar(source, pair.getKeyNode());
                String value = scalar(source, pair.getValueNode());
                if (!DIMENSION.matcher(dimension).matches() || SegmentKey.ALL.equals(dimension) || SegmentKey.PERSONA.equals(dimension)) {
                    throw error(source, pair.getKeyNode(), "'" + dimension + "' is not a dimension a persona can combine");
                }
                FeedbackRules.checkSegmentValue(value).ifPresent(problem -> {
                    throw error(source, pair.getValueNode(), "the value of " + dimension + " " + problem);
                });
                segments.add(dimension + ":" + value);
            }
            parsed.put(name, List.copyOf(segments));
        }
        return new Personas(parsed);
    }

    /** The persona segments ({@code persona:<name>}) of an item that is in {@code segments}. */
    public List<String> of(List<String> segments) {
        List<String> personas = new ArrayList<>();
        segmentsByPersona.forEach((name, needed) -> {
            if (segments.containsAll(needed)) {
                personas.add(SegmentKey.PERSONA + ":" + name);
            }
        });
        personas.sort(null);
        return personas;
    }

    public int size() {
        return segmentsByPersona.size();
    }

    private static String scalar(String source, Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(source, node, "expected a single value here");
        }
        return scalar.getValue().strip();
    }

    private static IllegalArgumentException error(String source, Node node, String message) {
        return new IllegalArgumentException(source + (node == null ? "" : ", line " + (node.getStartMark().getLine() + 1)) + ": " + message);
    }
}
