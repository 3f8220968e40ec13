package io.github.vocstream.sentiment.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vocstream.common.event.TextLanguage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Detection with the shipped candidates on short customer texts in seven languages (short-texts.tsv). */
class LanguageIdentifierTest {

    private record Sample(String language, String kind, String text) {
    }

    private static LanguageIdentifier identifier;
    private static List<Sample> samples;

    @BeforeAll
    static void loadModelsAndSamples() throws IOException {
        identifier = new LanguageIdentifier(LanguageConfiguration.defaults());
        try (InputStream in = LanguageIdentifierTest.class.getResourceAsStream("/language/short-texts.tsv")) {
            samples = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t"))
                    .map(fields -> new Sample(fields[0], fields[1], fields[2]))
                    .toList();
        }
    }

    @Test
    void sentencesAreReadInTheirLanguageInEachOfSevenLanguages() {
        Map<String, long[]> byLanguage = accuracy("sentence");
        long right = byLanguage.values().stream().mapToLong(counts -> counts[0]).sum();
        long all = byLanguage.values().stream().mapToLong(counts -> counts[1]).sum();

        assertThat(byLanguage).hasSize(7).allSatisfy((language, rightOfAll) ->
                assertThat((double) rightOfAll[0] / rightOfAll[1]).as("share of %s sentences read as %s", language, language)
                        .isGreaterThanOrEqualTo(0.9));
        assertThat((double) right / all).as("share of all sentences read in their language").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void oneToThreeWordsAreMostlyReadRightAndNeverOutsideTheirLanguageAndEnglish() {
        Map<String, long[]> byLanguage = accuracy("short");
        long right = byLanguage.values().stream().mapToLong(counts -> counts[0]).sum();
        long all = byLanguage.values().stream().mapToLong(counts -> counts[1]).sum();

        assertThat((double) right / all).as("share of 1-3 word texts read in their language").isGreaterThanOrEqualTo(0.85);
        // Too short to tell, a text goes to English (the fallback), never to a third language.
        assertThat(samples).filteredOn(sample -> sample.kind().equals("short")).allSatisfy(sample ->
                assertThat(identifier.languageOf(sample.text(), null).tag()).as(sample.text()).isIn(sample.language(), "en"));
    }

    @Test
    void wordsEveryLanguageUsesAreEnglishUnlessTheSourceDeclaresOtherwise() {
        for (String word : List.of("ok", "super", "Top", "OK!!", "gut")) {
            assertThat(identifier.languageOf(word, null).tag()).as(word).isEqualTo("en");
            assertThat(identifier.languageOf(word, "de-AT")).as(word).isEqualTo(
                    new TextLanguage("de", identifier.languageOf(word, null).detected(), "de-AT"));
        }
    }

    @Test
    void aTextTheDetectorIsSureOfOverridesTheDeclaredLanguage() {
        TextLanguage language = identifier.languageOf("Die Lieferung kam zwei Tage zu spät und niemand hat geantwortet.", "en");

        assertThat(language).isEqualTo(new TextLanguage("de", "de", "en"));
    }

    @Test
    void textWithoutLettersHasNoDetectedLanguage() {
        assertThat(identifier.languageOf("👍👍 :-)", null)).isEqualTo(new TextLanguage("und", null, null));
        assertThat(identifier.languageOf("10/10 !!!", "pt-BR")).isEqualTo(new TextLanguage("pt", null, "pt-BR"));
    }

    @Test
    void mixedTextIsReadInTheLanguageMostOfItIsIn() {
        assertThat(identifier.languageOf("Der Support war leider total useless, ich warte immer noch auf mein Geld.", null).tag())
                .isEqualTo("de");
        assertThat(identifier.languageOf("The hotel was lovely, muy bonito, but the room smelled of smoke and the staff ignored us.", null).tag())
                .isEqualTo("en");
        assertThat(identifier.languageOf("Colis reçu en retard 😡😡 service client injoignable", null).tag()).isEqualTo("fr");
    }

    @Test
    void candidatesMustBeKnownCodesAndIncludeEnglish() {
        assertThatThrownBy(() -> new LanguageIdentifier(new LanguageConfiguration(List.of("en", "german"))))
                .hasMessageContaining("voc.language.candidates: 'german' is not an ISO 639-1 code");
        assertThatThrownBy(() -> new LanguageIdentifier(new LanguageConfiguration(List.of("de", "fr"))))
                .hasMessageContaining("must include en");
    }

    /** Per language, how many texts of {@code kind} were read in it, and how many there were. */
    private static Map<String, long[]> accuracy(String kind) {
        Map<String, long[]> byLanguage = new TreeMap<>();
        for (Sample sample : samples) {
            if (sample.kind().equals(kind)) {
                long[] counts = byLanguage.computeIfAbsent(sample.language(), key -> new long[2]);
                counts[0] += identifier.languageOf(sample.text(), null).tag().equals(sample.language()) ? 1 : 0;
                counts[1]++;
            }
        }
        byLanguage.forEach((language, counts) -> System.out.printf("%s %s: %d of %d%n", kind, language, counts[0], counts[1]));
        return byLanguage;
    }
}
