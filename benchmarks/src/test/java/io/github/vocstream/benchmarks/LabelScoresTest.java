package io.github.vocstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vocstream.common.event.SentimentLabel;
import org.junit.jupiter.api.Test;

class LabelScoresTest {

    @Test
    void neutralPredictionsCountAsMisses() {
        LabelScores scores = new LabelScores();
        scores.add(true, SentimentLabel.POSITIVE);
        scores.add(true, SentimentLabel.NEUTRAL);
        scores.add(false, SentimentLabel.NEGATIVE);
        scores.add(false, SentimentLabel.POSITIVE);

        assertThat(scores.accuracy()).isEqualTo(0.5);
        // positive: precision 1/2, recall 1/2 -> F1 0.5; negative: precision 1/1, recall 1/2 -> F1 2/3
        assertThat(scores.f1(SentimentLabel.POSITIVE)).isCloseTo(0.5, within(1e-9));
        assertThat(scores.f1(SentimentLabel.NEGATIVE)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(scores.macroF1()).isCloseTo((0.5 + 2.0 / 3) / 2, within(1e-9));
        assertThat(scores.count(SentimentLabel.POSITIVE, SentimentLabel.NEUTRAL)).isEqualTo(1);
    }

    @Test
    void noPredictionsScoreZeroWithoutDividingByZero() {
        LabelScores scores = new LabelScores();

        assertThat(scores.accuracy()).isZero();
        assertThat(scores.macroF1()).isZero();
    }
}
