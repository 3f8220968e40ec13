package io.github.vocstream.taxonomy;

import io.github.vocstream.common.event.SentimentLabel;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one taxonomy file:
 * <pre>
 * themes:
 *   delivery:
 *     label: Delivery              # optional; derived from the name otherwise
 *     terms: [delivery, shipping, "tracking number"]   # English; or per language:
 *     #   terms: {en: [delivery, shipping], de: [lieferung, versand]}
 *     exclude: ["deliver on a promise"]   # optional; a list or per language, as terms
 *     tone: negative               # optional, for a theme that names a problem
 *     children:                    # optional; a child is "delivery/late"
 *       late:
 *         terms: ["arrive late", "still waiting"]
 * </pre>
 * It walks YAML nodes rather than plain maps so that every complaint names the line it is about.
 */
public final class TaxonomyParser {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> THEME_KEYS = Set.of("label", "terms", "exclude", "tone", "children");
    private static final int MAX_TERM_LENGTH = 100;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final String source;

    private TaxonomyParser(String source) {
        this.source = source;
    }

    /** The themes of one file, parents before children; {@code source} names the file in error messages. */
    public static List<Theme> parse(String source, Reader yaml) {
        return new TaxonomyParser(source).parse(yaml);
    }

    private List<Theme> parse(Reader yaml) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            root = new Yaml(options).compose(yaml);
        } catch (MarkedYAMLException e) {
            throw new TaxonomyException(source + ", line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new TaxonomyException(source + ": " + e.getMessage(), e);
        }
        if (root == null) {
            throw new TaxonomyException(source + ": the file is empty; it needs a 'themes:' mapping");
        }
        MappingNode top = mapping(root, "the file must be a mapping with a 'themes:' key");
        Node themes = null;
        for (NodeTuple entry : entries(top, Set.of("themes"), "the file")) {
            themes = entry.getValueNode();
        }
        if (themes == null) {
            throw error(top, "the file has no 'themes:' key");
        }
        List<Theme> parsed = new ArrayList<>();
        addThemes(themes, null, parsed);
        if (parsed.isEmpty()) {
            throw error(themes, "'themes' has no themes");
        }
        return parsed;
    }

    private void addThemes(Node node, String parent, List<Theme> parsed) {
        String where = parent == null ? "'themes'" : "the children of '" + parent + "'";
        MappingNode themes = mapping(node, where + " must be a mapping of theme names");
        Set<String> names = new HashSet<>();
        for (NodeTuple entry : themes.getValue()) {
            String name = scalar(entry.getKeyNode(), "a theme name must be a plain word");
            if (!NAME.matcher(name).matches()) {
                throw error(entry.getKeyNode(), "theme name '" + name
                        + "' must be lower-case letters and digits, words joined by '-'");
            }
            if (!names.add(name)) {
                throw error(entry.getKeyNode(), "theme '" + name + "' appears twice in " + where);
            }
            addTheme(parent == null ? name : parent + "/" + name, entry.getValueNode(), parsed);
        }
    }

    private void addTheme(String id, Node node, List<Theme> parsed) {
        MappingNode body = mapping(node, "theme '" + id + "' must be a mapping with 'terms' and optional 'label', 'exclude', 'children'");
        String label = null;
        Map<String, List<String>> terms = Map.of();
        Map<String, List<String>> exclusions = Map.of();
        SentimentLabel tone = null;
        Node children = null;
        for (NodeTuple entry : entries(body, THEME_KEYS, "theme '" + id + "'")) {
            String key = ((ScalarNode) entry.getKeyNode()).getValue();
            Node value = entry.getValueNode();
            switch (key) {
                case "label" -> label = scalar(value, "the label of theme '" + id + "' must be text").strip();
                case "terms" -> terms = phrasesByLanguage(value, "'terms' of theme '" + id + "'");
                case "exclude" -> exclusions = phrasesByLanguage(value, "'exclude' of theme '" + id + "'");
                case "tone" -> tone = tone(value, id);
                default -> children = value;
            }
        }
        if (terms.values().stream().allMatch(List::isEmpty) && children == null) {
            throw error(node, "theme '" + id + "' has neither terms nor children");
        }
        parsed.add(new Theme(id, label == null || label.isEmpty() ? labelOf(id) : label, terms, exclusions, tone));
        if (children != null) {
            addThemes(children, id, parsed);
        }
    }

    private List<NodeTuple> entries(MappingNode mapping, Set<String> allowed, String owner) {
        Set<String> seen = new HashSet<>();
        for (NodeTuple entry : mapping.getValue()) {
            String key = scalar(entry.getKeyNode(), owner + " has a key that is not a plain word");
            if (!allowed.contains(key)) {
                throw error(entry.getKeyNode(), owner + " has an unknown key '" + key + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (!seen.add(key)) {
                throw error(entry.getKeyNode(), owner + " has '" + key + "' twice");
            }
        }
        return mapping.getValue();
    }

    /** A plain list is English; a mapping gives a list per language code. */
    private Map<String, List<String>> phrasesByLanguage(Node node, String what) {
        if (!(node instanceof MappingNode byLanguage)) {
            return Map.of(Theme.DEFAULT_LANGUAGE, phrases(node, what));
        }
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        for (NodeTuple entry : byLanguage.getValue()) {
            String language = scalar(entry.getKeyNode(), what + " must be keyed by language codes such as en, de");
            if (!LANGUAGE.matcher(language).matches()) {
                throw error(entry.getKeyNode(), what + " has '" + language
                        + "' where a lower-case ISO 639-1 language code such as en or de belongs");
            }
            if (phrases.put(language, phrases(entry.getValueNode(), what + " in '" + language + "'")) != null) {
                throw error(entry.getKeyNode(), what + " has '" + language + "' twice");
            }
        }
        return phrases;
    }

    private List<String> phrases(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list, e.g. [refund, \"money back\"], or lists by language, e.g. "
                    + "{en: [refund], de: [erstattung]}");
        }
        Set<String> phrases = new LinkedHashSet<>();
        for (Node item : sequence.getValue()) {
            String phrase = scalar(item, what + " must hold words or phrases, not lists or mappings")
                    .strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (phrase.isEmpty()) {
                throw error(item, what + " has an empty entry");
            }
            if (phrase.length() > MAX_TERM_LENGTH) {
                throw error(item, what + " has an entry longer than " + MAX_TERM_LENGTH + " characters");
            }
            phrases.add(phrase);
        }
        return List.copyOf(phrases);
    }

    private SentimentLabel tone(Node node, String id) {
        String tone = scalar(node, "the tone of theme '" + id + "' must be negative or positive");
        return switch (tone) {
            case "negative" -> SentimentLabel.NEGATIVE;
            case "positive" -> SentimentLabel.POSITIVE;
            default -> throw error(node, "the tone of theme '" + id + "' must be negative or positive, was '" + tone + "'");
        };
    }

    private MappingNode mapping(Node node, String message) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, message);
    }

    private String scalar(Node node, String message) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(node, message);
    }

    private TaxonomyException error(Node node, String message) {
        return new TaxonomyException(source + ", line " + (node.getStartMark().getLine() + 1) + ": " + message);
    }

    /** "wait-time" reads as "Wait time"; only the last path element names the theme. */
    static String labelOf(String id) {
        String name = id.substring(id.lastIndexOf('/') + 1).replace('-', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
