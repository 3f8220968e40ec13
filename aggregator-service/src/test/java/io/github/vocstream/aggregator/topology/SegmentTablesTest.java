package io.github.vocstream.aggregator.topology;

import static io.github.vocstream.aggregator.topology.AggregatorDriver.START;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.aboutTheme;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.feedback;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.receivedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vocstream.common.event.SentimentLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Theme tables, evidence, timelines and candidate terms, in a TopologyTestDriver. */
class SegmentTablesTest {

    private static final Map<String, String> EU = Map.of("region", "EU");

    private AggregatorDriver driver;
    private KeyValueStore<String, ThemeStats> themes;
    private KeyValueStore<String, CandidateStats> candidates;
    private WindowStore<String, Tally> minutes;
    private WindowStore<String, Tally> hours;

    @BeforeEach
    void startDriver() {
        driver = new AggregatorDriver(AggregatorConfiguration.defaults());
        themes = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_THEMES_STORE);
        candidates = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_CANDIDATES_STORE);
        minutes = driver.driver.getWindowStore(AggregatorTopology.TIMELINE_MINUTES_STORE);
        hours = driver.driver.getWindowStore(AggregatorTopology.TIMELINE_HOURS_STORE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void eachThemeIsTalliedPerSegmentAndAChildCountsForItsParent() {
        driver.pipe(aboutTheme("r-1", START, "delivery/late", SentimentLabel.NEGATIVE, -0.6, EU));
        driver.pipe(aboutTheme("r-2", START.plusSeconds(5), "delivery", SentimentLabel.POSITIVE, 0.4, EU));
        driver.pipe(aboutTheme("r-3", START.plusSeconds(9), "staff", SentimentLabel.POSITIVE, 0.8, Map.of("region", "US")));

        ThemeStats delivery = themes.get(StoreKeys.of("region:EU", "delivery"));
        assertThat(delivery.tally()).isEqualTo(new Tally(2, 1, 0, 1, -0.6 + 0.4));
        assertThat(delivery.lastMentionAt()).isEqualTo(START.plusSeconds(5));
        assertThat(themes.get(StoreKeys.of("region:EU", "delivery/late")).tally().negative()).isEqualTo(1);
        assertThat(themes.get(StoreKeys.of("all", "staff")).tally().count()).isEqualTo(1);
        assertThat(themes.get(StoreKeys.of("region:EU", "staff"))).isNull();
        // A child's sentence is evidence for its parent too.
        assertThat(delivery.evidence()).extracting(Evidence::sentence)
                .containsExactly("About delivery: r-2.", "About delivery/late: r-1.");
    }

    @Test
    void evidenceKeepsTheNewestSentencesByEventTimeWhateverTheArrivalOrder() {
        int[] order = {3, 0, 6, 1, 5, 2, 4};
        for (int i : order) {
            driver.pipe(aboutTheme("r-" + i, START.plusSeconds(10L * i), "refund", SentimentLabel.NEGATIVE, -0.5, EU));
        }

        ThemeStats refund = themes.get(StoreKeys.of("all", "refund"));
        assertThat(refund.tally().count()).isEqualTo(7);
        assertThat(refund.evidence()).extracting(Evidence::feedbackId)
                .containsExactly("trustpilot:r-6", "trustpilot:r-5", "trustpilot:r-4", "trustpilot:r-3", "trustpilot:r-2");
        assertThat(refund.evidence().get(0).occurredAt()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void outOfOrderEventsLandInTheirOwnBucketsWithinTheGracePeriod() {
        driver.pipe(feedback("r-1", START.plusSeconds(30), SentimentLabel.POSITIVE, 0.5, EU));
        driver.pipe(feedback("r-2", START.plus(Duration.ofMinutes(5)), SentimentLabel.NEGATIVE, -0.5, EU));
        // Arrives after a later item, but was received within its minute plus the ten-minute grace period.
        driver.pipe(feedback("r-3", START.plusSeconds(40), SentimentLabel.NEGATIVE, -0.3, EU));

        assertThat(buckets(minutes, "region:EU", START, START.plus(Duration.ofHours(1)))).containsExactly(
                KeyValue.pair(START, new Tally(2, 1, 0, 1, 0.5 - 0.3)),
                KeyValue.pair(START.plus(Duration.ofMinutes(5)), new Tally(1, 1, 0, 0, -0.5)));
        assertThat(buckets(hours, "region:EU", START, START.plus(Duration.ofHours(1))))
                .containsExactly(KeyValue.pair(START, new Tally(3, 2, 0, 1, 0.5 - 0.5 - 0.3)));
    }

    @Test
    void anEventReceivedLaterThanTheGracePeriodMissesItsClosedBucketButStillCounts() {
        driver.pipe(aboutTheme("r-1", START.plusSeconds(10), "refund", SentimentLabel.POSITIVE, 0.5, EU));
        driver.pipe(aboutTheme("r-2", START.plus(Duration.ofMinutes(30)), "refund", SentimentLabel.POSITIVE, 0.5, EU));
        // Received 29 minutes after its minute closed, while its hour is still open.
        driver.pipe(receivedAt(aboutTheme("r-3", START.plusSeconds(20), "refund", SentimentLabel.NEGATIVE, -0.5, EU),
                START.plus(Duration.ofMinutes(30))));

        assertThat(buckets(minutes, StoreKeys.of("region:EU", "refund"), START, START.plus(Duration.ofHours(1))))
                .extracting(bucket -> bucket.value.count()).containsExactly(1L, 1L);
        assertThat(buckets(hours, StoreKeys.of("region:EU", "refund"), START, START.plus(Duration.ofHours(1))))
                .extracting(bucket -> bucket.value.count()).containsExactly(3L);
        assertThat(themes.get(StoreKeys.of("region:EU", "refund")).tally().count()).isEqualTo(3);
    }

    @Test
    void anEventReceivedInTimeCountsInItsBucketHoweverLateItIsProcessed() {
        // A backlog: processed after an item written half an hour later, but received within its minute.
        driver.pipe(feedback("r-2", START.plus(Duration.ofMinutes(30)), SentimentLabel.POSITIVE, 0.5, EU));
        driver.pipe(feedback("r-1", START.plusSeconds(10), SentimentLabel.NEGATIVE, -0.5, EU));

        assertThat(buckets(minutes, "region:EU", START, START.plus(Duration.ofHours(1))))
                .extracting(bucket -> bucket.key).containsExactly(START, START.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aCandidateTermDecaysFastRecentlyAndSlowlyInItsBaseline() {
        driver.pipe(aboutTheme("r-1", START, "refund", SentimentLabel.NEGATIVE, -0.5, EU, "loyalty program"));
        driver.pipe(aboutTheme("r-2", START.plus(Duration.ofHours(1)), "refund", SentimentLabel.NEGATIVE, -0.5, EU, "loyalty program"));

        CandidateStats term = candidates.get(StoreKeys.of("region:EU", "loyalty program"));
        assertThat(term.mentions()).isEqualTo(2);
        assertThat(term.decayedTo()).isEqualTo(START.plus(Duration.ofHours(1)));
        // One time constant later the first mention is worth 1/e of itself in the recent count.
        assertThat(term.recent()).isCloseTo(1 + Math.exp(-1), within(1e-9));
        assertThat(term.baseline()).isCloseTo(1 + Math.exp(-1.0 / (7 * 24)), within(1e-9));
        assertThat(term.evidence()).extracting(Evidence::feedbackId).containsExactly("trustpilot:r-2", "trustpilot:r-1");

        // An older mention arriving late adds what is left of it, as if it had come in order.
        driver.pipe(aboutTheme("r-3", START, "refund", SentimentLabel.NEGATIVE, -0.5, EU, "loyalty program"));
        assertThat(candidates.get(StoreKeys.of("region:EU", "loyalty program")).recent())
                .isCloseTo(1 + 2 * Math.exp(-1), within(1e-9));
    }

    private static List<KeyValue<Instant, Tally>> buckets(WindowStore<String, Tally> store, String key, Instant from, Instant to) {
        List<KeyValue<Instant, Tally>> buckets = new ArrayList<>();
        try (WindowStoreIterator<Tally> iterator = store.fetch(key, from, to)) {
            iterator.forEachRemaining(entry -> buckets.add(KeyValue.pair(Instant.ofEpochMilli(entry.key), entry.value)));
        }
        return buckets;
    }
}
