package io.github.vocstream.sentiment.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.taxonomy.Taxonomy;
import io.github.vocstream.taxonomy.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Theme matching on tokens as CoreNLP gives them (word, lemma, tag), without loading any model. */
class ThemeMatcherTest {

    private static ThemeMatcher matcher;

    @BeforeAll
    static void compileTaxonomy() {
        matcher = new ThemeMatcher(new Taxonomy(List.of(
                new Theme("refund", "Refunds", List.of("refund", "money back"), List.of(), null),
                new Theme("support", "Support", List.of("customer service", "service desk", "support"), List.of("lumbar support"), null),
                new Theme("delivery", "Delivery", List.of("delivery", "package"), List.of(), null),
                new Theme("delivery/late", "Late delivery", List.of("arrived late"), List.of(), SentimentLabel.NEGATIVE),
                new Theme("wait-time", "Wait time", List.of("waiting times", "on hold"), List.of(), null),
                new Theme("bugs", "Bugs", List.of("doesn't work"), List.of(), null))), new TermTokenizer(), "en");
    }

    @Test
    void termsMatchAnyInflectionAndAnyCase() {
        assertThat(matcher.find(tokens("Refunds/refund/NNS are/be/VBP slow/slow/JJ")))
                .containsExactly(new ThemeMatcher.Match("refund", 0, 1));
        assertThat(matcher.find(tokens("I/I/PRP was/be/VBD REFUNDED/refund/VBN")))
                .containsExactly(new ThemeMatcher.Match("refund", 2, 3));
        // The term is written in the plural; the text has the singular.
        assertThat(matcher.find(tokens("the/the/DT wait/wait/NN time/time/NN")))
                .containsExactly(new ThemeMatcher.Match("wait-time", 1, 3));
    }

    @Test
    void otherLanguagesMatchTheirOwnTermsWordForWordInAnyCase() {
        Theme delivery = new Theme("delivery", "Delivery", Map.of("en", List.of("delivery"), "de", List.of("lieferung", "kam nie an")),
                Map.of("de", List.of("lieferung frei haus")), null);
        ThemeMatcher german = new ThemeMatcher(new Taxonomy(List.of(delivery)), new TermTokenizer(), "de");

        assertThat(german.find(words("Die LIEFERUNG kam nie an"))).containsExactly(
                new ThemeMatcher.Match("delivery", 1, 2), new ThemeMatcher.Match("delivery", 2, 5));
        // No lemmatiser: another inflection is another word, and English terms are not German ones.
        assertThat(german.find(words("zwei Lieferungen"))).isEmpty();
        assertThat(german.find(words("the delivery"))).isEmpty();
        assertThat(german.find(words("Lieferung frei Haus"))).isEmpty();
    }

    @Test
    void phrasesMatchOnlyWhole() {
        assertThat(matcher.find(tokens("I/I/PRP want/want/VBP my/my/PRP$ money/money/NN back/back/RB")))
                .containsExactly(new ThemeMatcher.Match("refund", 3, 5));
        assertThat(matcher.find(tokens("no/no/DT money/money/NN left/leave/VBN"))).isEmpty();
        assertThat(matcher.find(tokens("It/it/PRP does/do/VBZ n't/not/RB work/work/VB")))
                .containsExactly(new ThemeMatcher.Match("bugs", 1, 4));
        assertThat(matcher.find(tokens("put/put/VBN on/on/IN hold/hold/NN")))
                .containsExactly(new ThemeMatcher.Match("wait-time", 1, 3));
    }

    @Test
    void anExclusionCancelsTheTermItContains() {
        assertThat(matcher.find(tokens("great/great/JJ lumbar/lumbar/NN support/support/NN"))).isEmpty();
        assertThat(matcher.find(tokens("no/no/DT support/support/NN at/at/IN all/all/DT")))
                .containsExactly(new ThemeMatcher.Match("support", 1, 2));
    }

    @Test
    void overlappingTermsOfOneThemeBecomeOneMention() {
        // "customer service" and "service desk" share a word.
        assertThat(matcher.find(tokens("customer/customer/NN service/service/NN desk/desk/NN")))
                .containsExactly(new ThemeMatcher.Match("support", 0, 3));
    }

    @Test
    void aChildMentionReplacesTheParentMentionItOverlaps() {
        List<ThemeMatcher.Match> matches = matcher.find(tokens(
                "the/the/DT package/package/NN arrived/arrive/VBD late/late/RB ,/,/, the/the/DT delivery/delivery/NN"));

        assertThat(matches).containsExactly(
                new ThemeMatcher.Match("delivery", 1, 2),
                new ThemeMatcher.Match("delivery/late", 2, 4),
                new ThemeMatcher.Match("delivery", 6, 7));
        assertThat(matcher.toneOf("delivery/late")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(matcher.toneOf("delivery")).isNull();

        assertThat(matcher.find(tokens("delivery/delivery/NN arrived/arrive/VBD late/late/RB")))
                .containsExactly(new ThemeMatcher.Match("delivery", 0, 1), new ThemeMatcher.Match("delivery/late", 1, 3));
    }

    /** "word/lemma/TAG" separated by spaces. */
    /** Tokens without lemma or tag, as text in a language without a lemmatiser has them. */
    private static List<Token> words(String text) {
        return java.util.Arrays.stream(text.split(" ")).map(word -> Token.of(word, null, null)).toList();
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        for (String token : text.split(" ")) {
            String[] parts = token.split("/");
            tokens.add(Token.of(parts[0], parts[1], parts[2]));
        }
        return tokens;
    }
}
