package io.github.vocstream.sentiment.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vocstream.common.event.SentimentLabel;
import org.junit.jupiter.api.Test;

class ClassScoresTest {

    @Test
    void onBinaryGoldANeutralPredictionIsAMissAndNeutralIsNoClassOfTheMacroAverage() {
        ClassScores scores = new ClassScores();
        scores.add(SentimentLabel.POSITIVE, SentimentLabel.POSITIVE);
        scores.add(SentimentLabel.POSITIVE, SentimentLabel.NEUTRAL);
        scores.add(SentimentLabel.NEGATIVE, SentimentLabel.NEGATIVE);
        scores.add(SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE);

        assertThat(scores.accuracy()).isEqualTo(0.5);
        // positive: precision 1/2, recall 1/2 -> F1 0.5; negative: precision 1/1, recall 1/2 -> F1 2/3
        assertThat(scores.f1(SentimentLabel.POSITIVE)).isCloseTo(0.5, within(1e-9));
        assertThat(scores.f1(SentimentLabel.NEGATIVE)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(scores.macroF1()).isCloseTo((0.5 + 2.0 / 3) / 2, within(1e-9));
        assertThat(scores.macroRecall()).isCloseTo(0.5, within(1e-9));
        assertThat(scores.confusionTable()).doesNotContain("\nneutral");
    }

    @Test
    void threeClassesAverageOverAllThree() {
        ClassScores scores = new ClassScores();
        scores.add(SentimentLabel.NEUTRAL, SentimentLabel.NEUTRAL);
        scores.add(SentimentLabel.NEUTRAL, SentimentLabel.NEGATIVE);
        scores.add(SentimentLabel.NEGATIVE, SentimentLabel.NEGATIVE);
        scores.add(SentimentLabel.POSITIVE, SentimentLabel.POSITIVE);

        assertThat(scores.macroRecall()).isCloseTo((1 + 0.5 + 1) / 3, within(1e-9));
        assertThat(scores.count(SentimentLabel.NEUTRAL, SentimentLabel.NEGATIVE)).isEqualTo(1);
        assertThat(scores.confusionTable()).contains("neutral");
    }

    @Test
    void noPredictionsScoreZeroWithoutDividingByZero() {
        ClassScores scores = new ClassScores();

        assertThat(scores.accuracy()).isZero();
        assertThat(scores.macroF1()).isZero();
        assertThat(scores.macroRecall()).isZero();
    }
}
