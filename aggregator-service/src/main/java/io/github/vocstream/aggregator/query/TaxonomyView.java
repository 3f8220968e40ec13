package io.github.vocstream.aggregator.query;

import io.github.vocstream.support.theme.Taxonomy;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;

/** The configured taxonomy as the API shows it: parents before children, each child naming its parent. */
@Serdeable
public record TaxonomyView(List<ThemeEntry> themes) {

    @Serdeable
    public record ThemeEntry(String id, String label, String parent, List<String> terms, List<String> exclude, String tone) {
    }

    static TaxonomyView of(Taxonomy taxonomy) {
        return new TaxonomyView(taxonomy.themes().stream()
                .map(theme -> new ThemeEntry(theme.id(), theme.label(), theme.parent(), theme.terms(), theme.exclusions(),
                        theme.tone() == null ? null : theme.tone().name().toLowerCase(Locale.ROOT)))
                .toList());
    }
}
