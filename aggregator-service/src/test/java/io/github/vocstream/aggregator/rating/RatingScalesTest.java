package io.github.vocstream.aggregator.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingScalesTest {

    @Test
    void aReviewsRatingIsStarsByDefault() {
        assertThat(RatingScales.defaults().of(item("trustpilot", Channel.REVIEW, 4))).contains(new Rating(RatingScale.STARS, 4));
        assertThat(RatingScales.defaults().of(item("nps-survey", Channel.SURVEY, 4))).as("a survey's scale must be said").isEmpty();
    }

    @Test
    void theSourcesScaleWinsOverItsChannels() {
        RatingScales scales = RatingScales.parse("nps-survey=nps, app-reviews=none", "survey=csat,review=stars");

        assertThat(scales.of(item("nps-survey", Channel.SURVEY, 4))).contains(new Rating(RatingScale.NPS, 4));
        assertThat(scales.of(item("csat-survey", Channel.SURVEY, 4))).contains(new Rating(RatingScale.CSAT, 4));
        assertThat(scales.of(item("app-reviews", Channel.REVIEW, 4))).as("none takes a source out").isEmpty();
    }

    @Test
    void aRatingOutsideItsScaleCountsInNoScore() {
        assertThat(RatingScales.defaults().of(item("trustpilot", Channel.REVIEW, 7))).isEmpty();
        assertThat(RatingScales.defaults().of(item("trustpilot", Channel.REVIEW, 0))).isEmpty();
        assertThat(RatingScales.defaults().of(item("trustpilot", Channel.REVIEW, null))).isEmpty();
    }

    @Test
    void aSettingThatDoesNotParseSaysWhichAndWhy() {
        assertThatThrownBy(() -> RatingScales.parse("nps-survey=net-promoter", ""))
                .hasMessageContaining("voc.ratings.sources").hasMessageContaining("net-promoter").hasMessageContaining("nps, csat, stars or none");
        assertThatThrownBy(() -> RatingScales.parse("", "reviews=stars"))
                .hasMessageContaining("voc.ratings.channels").hasMessageContaining("'reviews' is not a channel");
        assertThatThrownBy(() -> RatingScales.parse("nps-survey", "")).hasMessageContaining("is not key=scale");
    }

    private static FeedbackEvent item(String source, Channel channel, Integer rating) {
        Instant at = Instant.parse("2026-11-20T10:15:30Z");
        return new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(source, "1"), source, "1", channel, "text",
                null, "en", rating, null, at, at, Map.of(), List.of());
    }
}
