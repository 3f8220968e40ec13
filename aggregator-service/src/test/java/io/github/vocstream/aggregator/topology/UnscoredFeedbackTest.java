package io.github.vocstream.aggregator.topology;

import static io.github.vocstream.aggregator.topology.AggregatorDriver.START;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.aboutTheme;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.feedback;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.inLanguage;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.unscored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/**
 * Items in a language the model does not read count in every table's volume, under their language, and in
 * {@code language:<tag>}, but in no label and no mean; they leave as any item does.
 */
class UnscoredFeedbackTest {

    private static final Map<String, String> EU = Map.of("region", "EU");

    private static final AnnotatedFeedback LATE = inLanguage(
            aboutTheme("u-1", START, "delivery/late", SentimentLabel.NEGATIVE, -0.6, EU), "en");
    private static final AnnotatedFeedback STAFF = inLanguage(
            aboutTheme("u-2", START.plusSeconds(10), "staff", SentimentLabel.POSITIVE, 0.8, EU), "en");
    /** A German complaint about a late delivery: its theme found by German terms, nobody scored it. */
    private static final AnnotatedFeedback GERMAN_LATE = unscored(
            aboutTheme("u-3", START.plusSeconds(20), "delivery/late", SentimentLabel.NEGATIVE, -0.9, EU), "de");
    private static final AnnotatedFeedback FRENCH = unscored(
            feedback("u-4", START.plusSeconds(30), SentimentLabel.NEUTRAL, 0, EU), "fr");
    /** Annotated before languages were detected: scored, in no language segment. */
    private static final AnnotatedFeedback OLD = feedback("u-5", START.plusSeconds(40), SentimentLabel.NEUTRAL, 0.1, EU);

    @Test
    void unscoredItemsChangeCountsButNotLabelsOrMeans() {
        try (AggregatorDriver driver = driver()) {
            driver.pipe(LATE);
            driver.pipe(STAFF);
            driver.pipe(GERMAN_LATE);
            driver.pipe(GERMAN_LATE);
            driver.pipe(FRENCH);
            driver.pipe(OLD);

            KeyValueStore<String, SegmentSentiment> segments = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
            SegmentSentiment all = segments.get("all");
            assertThat(all.count()).isEqualTo(5);
            assertThat(all.scored()).isEqualTo(3);
            assertThat(new long[] {all.negative(), all.neutral(), all.positive()}).containsExactly(1, 1, 1);
            assertThat(all.meanScore()).as("(-0.6 + 0.8 + 0.1) / 3").isCloseTo(0.1, within(1e-9));
            assertThat(all.unscored()).containsExactly(Map.entry("de", 1L), Map.entry("fr", 1L));
            assertThat(segments.get("region:EU")).isEqualTo(all);

            assertThat(segments.get("language:en").count()).isEqualTo(2);
            SegmentSentiment german = segments.get("language:de");
            assertThat(german.count()).isEqualTo(1);
            assertThat(german.scored()).isZero();
            assertThat(german.meanScore()).isZero();
            assertThat(segments.get("language:fr").count()).isEqualTo(1);
            assertThat(segments.get("language:und")).as("items annotated before detection have no language").isNull();

            KeyValueStore<String, ThemeStats> themes = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_THEMES_STORE);
            for (String theme : new String[] {"delivery/late", "delivery"}) {
                Tally late = themes.get(StoreKeys.of("all", theme)).tally();
                assertThat(late.count()).as(theme).isEqualTo(2);
                assertThat(late.scored()).as(theme).isEqualTo(1);
                assertThat(late.meanScore()).as(theme).isCloseTo(-0.6, within(1e-9));
                assertThat(late.unscored()).as(theme).containsExactly(Map.entry("de", 1L));
            }
            assertThat(themes.get(StoreKeys.of("all", "delivery/late")).evidence())
                    .extracting(Evidence::feedbackId).as("an unscored sentence is evidence too")
                    .containsExactly(GERMAN_LATE.id(), LATE.id());

            WindowStore<String, Tally> minutes = driver.driver.getWindowStore(AggregatorTopology.TIMELINE_MINUTES_STORE);
            Tally minute = minutes.fetch("all", START.toEpochMilli());
            assertThat(minute.count()).isEqualTo(5);
            assertThat(minute.meanScore()).isCloseTo(0.1, within(1e-9));
            assertThat(minute.unscored()).isEqualTo(all.unscored());
        }
    }

    @Test
    void aRetractedUnscoredItemLeavesEveryTable() {
        try (AggregatorDriver driver = driver()) {
            driver.pipe(LATE);
            driver.pipe(GERMAN_LATE);
            driver.retract(GERMAN_LATE.id(), START.plus(Duration.ofMinutes(5)));

            KeyValueStore<String, SegmentSentiment> segments = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
            assertThat(segments.get("all").count()).isEqualTo(1);
            assertThat(segments.get("all").unscored()).isEmpty();
            assertThat(segments.get("language:de")).as("an emptied segment is gone").isNull();
            KeyValueStore<String, ThemeStats> themes = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_THEMES_STORE);
            Tally late = themes.get(StoreKeys.of("all", "delivery/late")).tally();
            assertThat(late.count()).isEqualTo(1);
            assertThat(late.unscored()).isEmpty();
            WindowStore<String, Tally> minutes = driver.driver.getWindowStore(AggregatorTopology.TIMELINE_MINUTES_STORE);
            assertThat(minutes.fetch("all", START.toEpochMilli()).unscored()).isEmpty();
        }
    }

    private static AggregatorDriver driver() {
        return new AggregatorDriver(AggregatorConfiguration.defaults(), AlertSettings.defaults(), Personas.none());
    }
}
