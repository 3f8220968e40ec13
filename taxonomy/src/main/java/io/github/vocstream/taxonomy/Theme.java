package io.github.vocstream.taxonomy;

import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemePath;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One theme of the taxonomy.
 *
 * @param id                 its path, e.g. {@code delivery/late}; a child's id starts with its parent's
 * @param label              the name people read
 * @param termsByLanguage    per language (lower-case ISO 639-1 code), words and phrases that mention it; English
 *                           ones are matched on lemmas, others word for word, all case-insensitively
 * @param exclusionsByLanguage per language, phrases that cancel a term they overlap ("lumbar support" is not about
 *                           support)
 * @param tone               for a theme that names a problem ("late delivery"), the sentiment its mentions have at
 *                           least, whatever the model reads; null for most themes
 */
public record Theme(String id, String label, Map<String, List<String>> termsByLanguage,
                    Map<String, List<String>> exclusionsByLanguage, @Nullable SentimentLabel tone) {

    /** The language of terms given as a plain list. */
    public static final String DEFAULT_LANGUAGE = "en";

    public Theme {
        termsByLanguage = copy(termsByLanguage);
        exclusionsByLanguage = copy(exclusionsByLanguage);
    }

    /** A theme with English terms and exclusions only. */
    public Theme(String id, String label, List<String> terms, List<String> exclusions, @Nullable SentimentLabel tone) {
        this(id, label, english(terms), english(exclusions), tone);
    }

    /** Its English terms. */
    public List<String> terms() {
        return terms(DEFAULT_LANGUAGE);
    }

    /** Its English exclusions. */
    public List<String> exclusions() {
        return exclusions(DEFAULT_LANGUAGE);
    }

    public List<String> terms(String language) {
        return termsByLanguage.getOrDefault(language, List.of());
    }

    public List<String> exclusions(String language) {
        return exclusionsByLanguage.getOrDefault(language, List.of());
    }

    /** The parent's id, or null for a top-level theme. */
    public String parent() {
        return ThemePath.parentOf(id);
    }

    private static Map<String, List<String>> english(List<String> phrases) {
        return phrases.isEmpty() ? Map.of() : Map.of(DEFAULT_LANGUAGE, phrases);
    }

    // Sorted, so that equal taxonomies compare and print alike; languages without phrases are left out.
    private static Map<String, List<String>> copy(Map<String, List<String>> byLanguage) {
        Map<String, List<String>> copy = new TreeMap<>();
        byLanguage.forEach((language, phrases) -> {
            if (!phrases.isEmpty()) {
                copy.put(language, List.copyOf(phrases));
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
