package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.aggregator.rating.RatingScale;
import io.github.vocstream.aggregator.rating.Ratings;
import io.github.vocstream.aggregator.rating.Score;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * One reported score as the API shows it ({@link RatingScale} says how each is computed).
 *
 * @param rated      how many ratings on this scale it is computed from
 * @param score      NPS (−100 to 100), CSAT (% satisfied) or mean stars; null without ratings
 * @param low        the lower end of its 95 % interval; null without ratings
 * @param high       the upper end of its 95 % interval; null without ratings
 * @param fewRatings true below 30 ratings: read the score with its interval, or not at all
 * @param groups     the ratings in the scale's groups: promoters, passives, detractors for NPS; satisfied (4-5),
 *                   neutral (3), dissatisfied (1-2) for CSAT and stars
 * @param impact     for a theme: the segment's score minus the score of the segment's ratings without the theme's
 *                   items. Negative when the theme pulls the score down. Null for a segment, and when either side has
 *                   no ratings (a theme every rated item mentions has nothing to compare with)
 */
@Serdeable
public record ScoreView(String scale, long rated, Double score, Double low, Double high, boolean fewRatings,
                        Map<String, Long> groups, Double impact) {

    public static ScoreView of(RatingScale scale, Ratings ratings) {
        return of(scale, ratings.score(scale), null);
    }

    /** The score of a theme's items, and the theme's impact on the score of its segment. */
    public static ScoreView ofTheme(RatingScale scale, Ratings theme, Ratings segment) {
        Score all = segment.score(scale);
        Score without = segment.minus(theme).score(scale);
        Double impact = all.value() == null || without.value() == null ? null : all.value() - without.value();
        return of(scale, theme.score(scale), impact);
    }

    private static ScoreView of(RatingScale scale, Score score, Double impact) {
        return new ScoreView(scale.key(), score.rated(), score.value(), score.low(), score.high(), score.fewRatings(),
                score.groups(), impact);
    }
}
