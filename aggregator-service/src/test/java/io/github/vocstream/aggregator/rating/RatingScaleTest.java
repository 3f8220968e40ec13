package io.github.vocstream.aggregator.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reported scores on hand-computed cases; the expected figures are worked out in the comments. */
class RatingScaleTest {

    @Test
    void npsIsThePercentOfPromotersMinusThePercentOfDetractors() {
        // 5 promoters, 3 passives, 2 detractors of 10: p = 0.5, d = 0.2, NPS = 30.
        // Variance (p + d - (p - d)^2) / n = (0.7 - 0.09) / 10 = 0.061; 1.96 * sqrt(0.061) = 0.4841, so 30 ± 48.41.
        Score score = scoreOf(RatingScale.NPS, 9, 10, 10, 9, 9, 7, 8, 8, 0, 6);

        assertThat(score.rated()).isEqualTo(10);
        assertThat(score.value()).isCloseTo(30, within(1e-9));
        assertThat(score.low()).isCloseTo(-18.41, within(0.01));
        assertThat(score.high()).isCloseTo(78.41, within(0.01));
        assertThat(score.groups()).containsExactly(Map.entry("promoters", 5L), Map.entry("passives", 3L), Map.entry("detractors", 2L));
        assertThat(score.fewRatings()).isTrue();
    }

    @Test
    void aSegmentOfOnlyPassivesHasAnNpsOfZero() {
        Score score = scoreOf(RatingScale.NPS, 7, 8, 8, 7);

        assertThat(score.value()).isZero();
        assertThat(score.groups()).containsExactly(Map.entry("promoters", 0L), Map.entry("passives", 4L), Map.entry("detractors", 0L));
        // The normal approximation has no spread here: a reason the score says it rests on few ratings.
        assertThat(score.low()).isZero();
        assertThat(score.high()).isZero();
    }

    @Test
    void npsStaysWithinItsRange() {
        Score allDetractors = scoreOf(RatingScale.NPS, 0, 3, 6);

        assertThat(allDetractors.value()).isEqualTo(-100);
        assertThat(allDetractors.low()).isEqualTo(-100);
        assertThat(allDetractors.high()).isEqualTo(-100);
    }

    @Test
    void csatIsTheShareOfFourAndFiveWithItsWilsonInterval() {
        // 6 of 8 answers are 4 or 5: 75 %. Wilson, z^2 = 3.8415: centre (0.75 + 0.2401) / 1.4802 = 0.6689,
        // half-width 1.96 * sqrt(0.75 * 0.25 / 8 + 3.8415 / 256) / 1.4802 = 0.2596: 40.93 % to 92.85 %.
        Score score = scoreOf(RatingScale.CSAT, 5, 5, 4, 4, 4, 5, 3, 1);

        assertThat(score.value()).isCloseTo(75, within(1e-9));
        assertThat(score.low()).isCloseTo(40.93, within(0.01));
        assertThat(score.high()).isCloseTo(92.85, within(0.01));
        assertThat(score.groups()).containsExactly(Map.entry("satisfied", 6L), Map.entry("neutral", 1L), Map.entry("dissatisfied", 1L));
    }

    @Test
    void starsAreTheMeanWithItsInterval() {
        // 5, 4, 4, 3, 1, 5: mean 22 / 6 = 3.667; sample sd sqrt(11.333 / 5) = 1.506; 1.96 * 1.506 / sqrt(6) = 1.205.
        Score score = scoreOf(RatingScale.STARS, 5, 4, 4, 3, 1, 5);

        assertThat(score.value()).isCloseTo(3.667, within(0.001));
        assertThat(score.low()).isCloseTo(2.462, within(0.001));
        assertThat(score.high()).isCloseTo(4.871, within(0.001));
    }

    @Test
    void withoutRatingsThereIsNoScore() {
        for (RatingScale scale : RatingScale.values()) {
            Score score = Ratings.NONE.score(scale);

            assertThat(score.rated()).as(scale.key()).isZero();
            assertThat(score.value()).as(scale.key()).isNull();
            assertThat(score.low()).as(scale.key()).isNull();
            assertThat(score.fewRatings()).as(scale.key()).isTrue();
        }
    }

    @Test
    void thirtyRatingsAreNoLongerFew() {
        int[] ratings = new int[30];
        java.util.Arrays.fill(ratings, 10);

        assertThat(scoreOf(RatingScale.NPS, java.util.Arrays.copyOf(ratings, 29)).fewRatings()).isTrue();
        assertThat(scoreOf(RatingScale.NPS, ratings).fewRatings()).isFalse();
    }

    @Test
    void takingAThemesRatingsOutOfASegmentLeavesTheRest() {
        Ratings segment = ratings(RatingScale.NPS, 9, 10, 10, 9, 9, 7, 8, 8, 0, 6);
        Ratings theme = ratings(RatingScale.NPS, 0, 6, 8);

        // Left: 5 promoters and 2 passives, 7 ratings: NPS 500 / 7 = 71.43.
        assertThat(segment.minus(theme).score(RatingScale.NPS).value()).isCloseTo(71.43, within(0.01));
        assertThat(segment.minus(segment)).isEqualTo(Ratings.NONE);
    }

    static Score scoreOf(RatingScale scale, int... values) {
        return ratings(scale, values).score(scale);
    }

    static Ratings ratings(RatingScale scale, int... values) {
        Ratings ratings = Ratings.NONE;
        for (int value : values) {
            ratings = ratings.plus(new Rating(scale, value), 1);
        }
        return ratings;
    }
}
