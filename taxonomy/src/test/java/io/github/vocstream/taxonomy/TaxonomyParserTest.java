package io.github.vocstream.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vocstream.common.event.SentimentLabel;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyParserTest {

    @Test
    void readsThemesTermsExclusionsAndChildrenAsPaths() {
        List<Theme> themes = parse("""
                themes:
                  delivery:
                    terms: [delivery, "Tracking   Number"]
                    exclude: ["package deal"]
                    children:
                      late:
                        label: Late delivery
                        terms: ["arrived late"]
                        tone: negative
                  wait-time:
                    terms: [on hold]
                """);

        assertThat(themes).containsExactly(
                new Theme("delivery", "Delivery", List.of("delivery", "tracking number"), List.of("package deal"), null),
                new Theme("delivery/late", "Late delivery", List.of("arrived late"), List.of(), SentimentLabel.NEGATIVE),
                new Theme("wait-time", "Wait time", List.of("on hold"), List.of(), null));
        assertThat(themes.get(1).parent()).isEqualTo("delivery");
    }

    @Test
    void termsAndExclusionsMayBeGivenPerLanguageAndAPlainListIsEnglish() {
        List<Theme> themes = parse("""
                themes:
                  delivery:
                    terms: {en: [delivery], de: [Lieferung, "kam nie an"]}
                    exclude: {de: ["lieferung frei haus"]}
                  refund:
                    terms: [refund]
                """);

        Theme delivery = themes.get(0);
        assertThat(delivery.terms()).containsExactly("delivery");
        assertThat(delivery.terms("de")).containsExactly("lieferung", "kam nie an");
        assertThat(delivery.exclusions("de")).containsExactly("lieferung frei haus");
        assertThat(delivery.exclusions()).isEmpty();
        assertThat(themes.get(1).termsByLanguage()).containsOnlyKeys("en");
        assertThat(themes.get(1).terms("de")).isEmpty();
    }

    @Test
    void aBrokenFileIsRefusedWithTheLineAtFault() {
        assertRefused("themes:\n  price:\n    terms: {english: [price]}\n", "line 3", "ISO 639-1 language code");
        assertRefused("themes:\n  price:\n    terms: {de: preis}\n", "line 3", "'terms' of theme 'price' in 'de' must be a list");
        assertRefused("themes:\n  price:\n    terms: price\n", "line 3", "'terms' of theme 'price' must be a list");
        assertRefused("themes:\n  price:\n    terms: [price]\n    synonyms: [cost]\n", "line 4", "unknown key 'synonyms'");
        assertRefused("themes:\n  price:\n    terms: [price]\n  price:\n    terms: [cost]\n", "line 4", "appears twice");
        assertRefused("themes:\n  Price Level:\n    terms: [price]\n", "line 2", "must be lower-case");
        assertRefused("themes:\n  price:\n    label: Price\n", "line 3", "neither terms nor children");
        assertRefused("themes:\n  price:\n    terms: [price, \"  \"]\n", "line 3", "empty entry");
        assertRefused("themes:\n  price:\n    terms: [[price]]\n", "line 3", "words or phrases");
        assertRefused("themes:\n  price:\n    terms: [price\n  billing:\n", "line 4", "");
        assertRefused("themes:\n  price:\n    terms: [price]\n    tone: angry\n", "line 4", "negative or positive");
        assertRefused("topics:\n  price: {}\n", "line 1", "unknown key 'topics'");
        assertRefused("", "empty", "'themes:'");
    }

    private static void assertRefused(String yaml, String where, String what) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageStartingWith("test.yml")
                .hasMessageContaining(where)
                .hasMessageContaining(what);
    }

    private static List<Theme> parse(String yaml) {
        return TaxonomyParser.parse("test.yml", new StringReader(yaml));
    }
}
