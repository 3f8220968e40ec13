package io.github.vocstream.sentiment.nlp;

import io.github.vocstream.taxonomy.Taxonomy;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One {@link ThemeMatcher} per language the taxonomy gives terms in; any other language finds no themes. */
final class ThemeMatchers {

    private final Map<String, ThemeMatcher> byLanguage;
    private final ThemeMatcher none;

    ThemeMatchers(Taxonomy taxonomy, TermTokenizer tokenizer) {
        // Built up front, so that no document pays for tokenizing the terms.
        this.byLanguage = taxonomy.themes().stream()
                .flatMap(theme -> theme.termsByLanguage().keySet().stream())
                .distinct()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), language -> new ThemeMatcher(taxonomy, tokenizer, language)));
        this.none = new ThemeMatcher(taxonomy, tokenizer, "");
    }

    ThemeMatcher of(String language) {
        return byLanguage.getOrDefault(language, none);
    }
}
