package io.github.vocstream.sentiment.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
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

    private static SentenceSentiment sentence(int begin, int end, double score) {
        return new SentenceSentiment(begin, end, 2, List.of(0.2, 0.2, 0.2, 0.2, 0.2), score);
    }
}
