package io.github.vocstream.sentiment.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentFeaturesTest {

    private final SentimentFeatures features = new SentimentFeatures(Map.of("good", 1.9, "late", -0.9));

    @Test
    void wordsInTheScopeOfANegationAreMarkedUntilTheClauseEnds() {
        var found = features.of(List.of("It", "was", "n't", "good", ",", "good", "enough"));

        assertThat(found).containsKeys("w:NOT_good", "w:good", "w:,", "b:n't good");
        assertThat(found).doesNotContainKey("w:NOT_enough");
    }

    @Test
    void aNegatedLexiconWordCountsAgainstItsValence() {
        var plain = features.of(List.of("good"));
        var negated = features.of(List.of("not", "good"));

        assertThat(plain.get("lex:positive")).isCloseTo(Math.log1p(1.9 / 4), within(1e-9));
        assertThat(negated.get("lex:positive")).isZero();
        assertThat(negated.get("lex:negative")).isCloseTo(Math.log1p(0.74 * 1.9 / 4), within(1e-9));
    }

    @Test
    void textWithoutAnyLexiconWordSaysSo() {
        assertThat(features.of(List.of("The", "parcel", "came", "on", "Monday"))).containsEntry("lex:none", 1.0);
        assertThat(features.of(List.of("It", "came", "late"))).doesNotContainKey("lex:none");
    }

    @Test
    void numbersCaseAndElongationAreNormalized() {
        var found = features.of(List.of("Waited", "45", "minutes", "soooo", "LONG", "!", "?"));

        assertThat(found).containsKeys("w:waited", "w:<num>", "b:<num> minutes", "w:soo", "shape:elongated",
                "shape:shouting", "shape:exclamation", "shape:ends-with-question", "b:? </s>", "b:<s> waited");
    }
}
