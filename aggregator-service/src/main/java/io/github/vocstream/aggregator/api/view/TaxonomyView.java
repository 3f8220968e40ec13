package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.taxonomy.Taxonomy;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configured taxonomy as the API shows it: parents before children, each child naming its parent; {@code terms}
 * and {@code exclude} are the English ones, {@code termsByLanguage} and {@code excludeByLanguage} hold every language's.
 */
@Serdeable
public record TaxonomyView(List<ThemeEntry> themes) {

    @Serdeable
    public record ThemeEntry(String id, String label, String parent, List<String> terms, List<String> exclude, String tone,
                             Map<String, List<String>> termsByLanguage, Map<String, List<String>> excludeByLanguage) {
    }

    public static TaxonomyView of(Taxonomy taxonomy) {
        return new TaxonomyView(taxonomy.themes().stream()
                .map(theme -> new ThemeEntry(theme.id(), theme.label(), theme.parent(), theme.terms(), theme.exclusions(),
                        theme.tone() == null ? null : theme.tone().name().toLowerCase(Locale.ROOT),
                        theme.termsByLanguage(), theme.exclusionsByLanguage()))
                .toList());
    }
}
