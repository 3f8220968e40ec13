package io.github.vocstream.aggregator.topology;

import static io.github.vocstream.aggregator.topology.AggregatorDriver.START;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.aboutTheme;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.feedback;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.rated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.aggregator.rating.RatingScale;
import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/** Ratings reach the segment, theme and timeline tables once per item, and leave them with the item. */
class RatedFeedbackTest {

    private static final Map<String, String> EU = Map.of("region", "EU");
    /** The test items come from trustpilot; here it runs an NPS survey. */
    private static final RatingScales NPS = RatingScales.parse("trustpilot=nps", "");

    private static final AnnotatedFeedback LATE_ZERO = rated(aboutTheme("n-1", START, "delivery/late", SentimentLabel.NEGATIVE, -0.6, EU), 0);
    private static final AnnotatedFeedback LATE_SIX =
            rated(aboutTheme("n-2", START.plusSeconds(10), "delivery/late", SentimentLabel.NEGATIVE, -0.4, EU), 6);
    private static final AnnotatedFeedback STAFF_TEN =
            rated(aboutTheme("n-3", START.plusSeconds(20), "staff", SentimentLabel.POSITIVE, 0.8, EU), 10);
    private static final AnnotatedFeedback STAFF_NINE =
            rated(aboutTheme("n-4", START.plusSeconds(30), "staff", SentimentLabel.POSITIVE, 0.7, EU), 9);
    private static final AnnotatedFeedback UNRATED = feedback("n-5", START.plusSeconds(40), SentimentLabel.NEUTRAL, 0, EU);

    @Test
    void eachItemsRatingCountsOnceInItsSegmentsThemesAndBuckets() {
        try (AggregatorDriver driver = driver()) {
            driver.pipe(LATE_ZERO);
            driver.pipe(LATE_SIX);
            driver.pipe(LATE_SIX);
            driver.pipe(STAFF_TEN);
            driver.pipe(STAFF_NINE);
            driver.pipe(UNRATED);
            driver.retract(STAFF_NINE.id(), START.plus(Duration.ofMinutes(5)));

            KeyValueStore<String, SegmentSentiment> segments = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
            SegmentSentiment all = segments.get("all");
            assertThat(all.count()).isEqualTo(4);
            // 0, 6 and 10 are left: 1 promoter, 2 detractors of 3 ratings, the unrated item in none of them.
            assertThat(all.ratings().histogram(RatingScale.NPS)).containsExactly(1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1);
            assertThat(all.ratings().score(RatingScale.NPS).value()).isCloseTo(-33.33, within(0.01));
            assertThat(all.ratings().score(RatingScale.STARS).rated()).as("not on the stars scale").isZero();
            assertThat(segments.get("region:EU").ratings()).isEqualTo(all.ratings());

            KeyValueStore<String, ThemeStats> themes = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_THEMES_STORE);
            assertThat(themes.get(StoreKeys.of("all", "delivery/late")).tally().ratings().histogram(RatingScale.NPS))
                    .containsExactly(1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0);
            assertThat(themes.get(StoreKeys.of("all", "delivery")).tally().ratings())
                    .as("a child's rating counts in its parent").isEqualTo(themes.get(StoreKeys.of("all", "delivery/late")).tally().ratings());
            assertThat(themes.get(StoreKeys.of("all", "staff")).tally().ratings().score(RatingScale.NPS).rated()).isEqualTo(1);

            WindowStore<String, Tally> minutes = driver.driver.getWindowStore(AggregatorTopology.TIMELINE_MINUTES_STORE);
            assertThat(minutes.fetch("all", START.toEpochMilli()).ratings()).isEqualTo(all.ratings());
            assertThat(minutes.fetch(StoreKeys.of("all", "staff"), START.toEpochMilli()).ratings().histogram(RatingScale.NPS)[10])
                    .isEqualTo(1);
        }
    }

    private static AggregatorDriver driver() {
        return new AggregatorDriver(AggregatorConfiguration.defaults(), AlertSettings.defaults(), Personas.none(), NPS);
    }
}
