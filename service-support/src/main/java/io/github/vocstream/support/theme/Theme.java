package io.github.vocstream.support.theme;

import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemePath;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One theme of the taxonomy.
 *
 * @param id         its path, e.g. {@code delivery/late}; a child's id starts with its parent's
 * @param label      the name people read
 * @param terms      words and phrases that mention it, matched on lemmas, case-insensitively
 * @param exclusions phrases that cancel a term they overlap ("lumbar support" is not about support)
 * @param tone       for a theme that names a problem ("late delivery"), the sentiment its mentions have at least,
 *                   whatever the model reads; null for most themes
 */
public record Theme(String id, String label, List<String> terms, List<String> exclusions, @Nullable SentimentLabel tone) {

    public Theme {
        terms = List.copyOf(terms);
        exclusions = List.copyOf(exclusions);
    }

    /** The parent's id, or null for a top-level theme. */
    public String parent() {
        return ThemePath.parentOf(id);
    }
}
