package io.github.vocstream.sentiment.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemeSentiment;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentScoresTest {

    @Test
    void sentenceScoreIsTheExpectedClassValue() {
        assertThat(SentimentScores.sentenceScore(List.of(0.0, 0.0, 0.0, 0.0, 1.0))).isEqualTo(1.0);
        assertThat(SentimentScores.sentenceScore(List.of(1.0, 0.0, 0.0, 0.0, 0.0))).isEqualTo(-1.0);
        assertThat(SentimentScores.sentenceScore(List.of(0.05, 0.1, 0.2, 0.45, 0.2))).isCloseTo(0.325, within(1e-9));
        assertThat(SentimentScores.sentenceScore(List.of(0.2, 0.2, 0.2, 0.2, 0.2))).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void sentenceScoreNeedsFiveClasses() {
        assertThatThrownBy(() -> SentimentScores.sentenceScore(List.of(0.5, 0.5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longerSentencesWeighMoreInTheDocument() {
        var shortPositive = sentence(0, 7, 0.5);
        var longNegative = sentence(8, 68, -0.5);

        var document = SentimentScores.document(List.of(shortPositive, longNegative), 0.1);

        assertThat(document.score()).isCloseTo((7 * 0.5 + 60 * -0.5) / 67, within(1e-9));
        assertThat(document.label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void scoresInsideTheNeutralBandAreNeutral() {
        assertThat(SentimentScores.label(0.09, 0.1)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentScores.label(-0.09, 0.1)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentScores.label(0.1, 0.1)).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(SentimentScores.label(-0.1, 0.1)).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void aDocumentWithoutSentencesIsNeutral() {
        var document = SentimentScores.document(List.of(), 0.1);

        assertThat(document.label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(document.score()).isZero();
    }

    @Test
    void eachThemeAveragesItsMentionsAndAParentHearsItsChildren() {
        var first = new SentenceSentiment(0, 30, 1, List.of(0.2, 0.2, 0.2, 0.2, 0.2), -0.4,
                List.of(mention("delivery/late", -0.6), mention("staff", 0.5)), List.of());
        var second = new SentenceSentiment(31, 60, 1, List.of(0.2, 0.2, 0.2, 0.2, 0.2), 0.0,
                List.of(mention("delivery", 0.0)), List.of());

        var themes = SentimentScores.themes(List.of(first, second), 0.1);

        assertThat(themes).extracting(ThemeSentiment::theme).containsExactly("delivery", "delivery/late", "staff");
        assertThat(themes.get(0).mentions()).isEqualTo(2);
        assertThat(themes.get(0).score()).isCloseTo(-0.3, within(1e-9));
        assertThat(themes.get(0).label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(themes.get(1).mentions()).isEqualTo(1);
        assertThat(themes.get(2).label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void aThemeWhoseMentionsAgreeTakesTheirLabelWhateverTheMeanScore() {
        // The three-class model may call a mention neutral though its score leans to one side.
        var sentence = new SentenceSentiment(0, 30, 2, List.of(0.4, 0.45, 0.15), -0.25,
                List.of(new ThemeMention("billing", 0, 1, SentimentLabel.NEUTRAL, -0.25, 0.45)), List.of());

        var themes = SentimentScores.themes(List.of(sentence), 0.1);

        assertThat(themes).singleElement().satisfies(theme -> {
            assertThat(theme.label()).isEqualTo(SentimentLabel.NEUTRAL);
            assertThat(theme.score()).isCloseTo(-0.25, within(1e-9));
        });
    }

    private static ThemeMention mention(String theme, double score) {
        return new ThemeMention(theme, 0, 1, SentimentScores.label(score, 0.1), score);
    }

    private static SentenceSentiment sentence(int begin, int end, double score) {
        return new SentenceSentiment(begin, end, 2, List.of(0.2, 0.2, 0.2, 0.2, 0.2), score, List.of(), List.of());
    }
}
