package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.aggregator.rating.RatingScale;
import io.github.vocstream.aggregator.rating.Ratings;
import io.micronaut.serde.annotation.Serdeable;

/** The scores CX teams report, each from the ratings on its scale: NPS, CSAT and mean stars. */
@Serdeable
public record ScoresView(ScoreView nps, ScoreView csat, ScoreView stars) {

    public static ScoresView of(Ratings ratings) {
        return new ScoresView(ScoreView.of(RatingScale.NPS, ratings), ScoreView.of(RatingScale.CSAT, ratings),
                ScoreView.of(RatingScale.STARS, ratings));
    }

    public static ScoresView ofTheme(Ratings theme, Ratings segment) {
        return new ScoresView(ScoreView.ofTheme(RatingScale.NPS, theme, segment),
                ScoreView.ofTheme(RatingScale.CSAT, theme, segment), ScoreView.ofTheme(RatingScale.STARS, theme, segment));
    }

    ScoreView on(RatingScale scale) {
        return switch (scale) {
            case NPS -> nps;
            case CSAT -> csat;
            case STARS -> stars;
        };
    }
}
