package io.github.vocstream.aggregator.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vocstream.aggregator.rating.Rating;
import io.github.vocstream.aggregator.rating.RatingScale;
import io.github.vocstream.aggregator.rating.Ratings;
import org.junit.jupiter.api.Test;

/** A theme's impact on its segment's score: the segment's score minus the score without the theme's items. */
class ScoreViewTest {

    /** NPS 30: 5 promoters (9, 10, 10, 9, 9), 3 passives (7, 8, 8), 2 detractors (0, 6). */
    private static final Ratings SEGMENT = nps(9, 10, 10, 9, 9, 7, 8, 8, 0, 6);

    @Test
    void aThemeOfTheDetractorsPullsTheScoreDown() {
        // The theme's items rated 0, 6 and 8: its NPS is -66.7. Without them: 5 promoters, 2 passives, NPS 71.43.
        // Impact 30 - 71.43 = -41.43: the theme costs the segment 41 points.
        ScoreView view = ScoreView.ofTheme(RatingScale.NPS, nps(0, 6, 8), SEGMENT);

        assertThat(view.score()).isCloseTo(-66.67, within(0.01));
        assertThat(view.impact()).isCloseTo(-41.43, within(0.01));
        assertThat(view.rated()).isEqualTo(3);
    }

    @Test
    void aThemeOfThePromotersLiftsIt() {
        // Without 10, 10: 3 promoters, 3 passives, 2 detractors of 8, NPS 12.5. Impact 30 - 12.5 = 17.5.
        assertThat(ScoreView.ofTheme(RatingScale.NPS, nps(10, 10), SEGMENT).impact()).isCloseTo(17.5, within(1e-9));
    }

    @Test
    void aThemeInEveryRatedItemHasNoImpactToShow() {
        ScoreView view = ScoreView.ofTheme(RatingScale.NPS, SEGMENT, SEGMENT);

        assertThat(view.score()).isCloseTo(30, within(1e-9));
        assertThat(view.impact()).as("no rated item without the theme to compare with").isNull();
    }

    @Test
    void aThemeWithoutRatingsLeavesTheScoreAsItIs() {
        ScoreView view = ScoreView.ofTheme(RatingScale.NPS, Ratings.NONE, SEGMENT);

        assertThat(view.score()).isNull();
        assertThat(view.impact()).isZero();
    }

    @Test
    void aSegmentsScoreHasNoImpact() {
        ScoreView view = ScoreView.of(RatingScale.NPS, SEGMENT);

        assertThat(view.impact()).isNull();
        assertThat(view.scale()).isEqualTo("nps");
        assertThat(view.fewRatings()).isTrue();
    }

    private static Ratings nps(int... values) {
        Ratings ratings = Ratings.NONE;
        for (int value : values) {
            ratings = ratings.plus(new Rating(RatingScale.NPS, value), 1);
        }
        return ratings;
    }
}
