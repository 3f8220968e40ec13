package io.github.vocstream.aggregator.topology;

import static io.github.vocstream.aggregator.topology.AggregatorDriver.START;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.aboutTheme;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.receivedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.kstream.Windowed;
import org.junit.jupiter.api.Test;

/** A retraction (a tombstone under a feedback id) takes the feedback back out of every store, in a TopologyTestDriver. */
class RetractionTest {

    private static final Map<String, String> EU = Map.of("region", "EU");
    private static final Map<String, String> US = Map.of("region", "US");

    private static final AnnotatedFeedback LATE_DELIVERY =
            aboutTheme("r-1", START, "delivery/late", SentimentLabel.NEGATIVE, -0.6, EU, "tracking page");
    private static final AnnotatedFeedback FRIENDLY_STAFF =
            aboutTheme("r-2", START.plusSeconds(70), "staff", SentimentLabel.POSITIVE, 0.8, US, "tracking page");
    private static final AnnotatedFeedback LATE_AGAIN =
            aboutTheme("r-3", START.plus(Duration.ofMinutes(20)), "delivery/late", SentimentLabel.NEGATIVE, -0.4, EU, "tracking page");
    private static final String RETRACTED_ID = FRIENDLY_STAFF.id();

    @Test
    void aRetractedItemLeavesEveryStoreAsIfItHadNeverCome() {
        SegmentStores withRetraction = storesAfter(driver -> {
            driver.pipe(LATE_DELIVERY);
            driver.pipe(FRIENDLY_STAFF);
            driver.pipe(LATE_AGAIN);
            driver.retract(RETRACTED_ID, START.plus(Duration.ofHours(2)));
        });
        SegmentStores without = storesAfter(driver -> {
            driver.pipe(LATE_DELIVERY);
            driver.pipe(LATE_AGAIN);
        });

        withRetraction.assertSameAs(without);
        assertThat(withRetraction.get(AggregatorTopology.SEGMENT_SENTIMENT_STORE)).as("an emptied segment is gone")
                .doesNotContainKey("region:US");
    }

    @Test
    void theRetractedSentenceIsNoLongerEvidence() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            KeyValueStore<String, ThemeStats> themes = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_THEMES_STORE);
            driver.pipe(LATE_DELIVERY);
            driver.pipe(LATE_AGAIN);
            assertThat(themes.get(StoreKeys.of("all", "delivery")).evidence()).extracting(Evidence::feedbackId)
                    .containsExactly(LATE_AGAIN.id(), LATE_DELIVERY.id());

            driver.retract(LATE_AGAIN.id(), START.plus(Duration.ofDays(1)));

            ThemeStats delivery = themes.get(StoreKeys.of("all", "delivery"));
            assertThat(delivery.tally()).isEqualTo(new Tally(1, 1, 0, 0, -0.6));
            assertThat(delivery.evidence()).extracting(Evidence::feedbackId).containsExactly(LATE_DELIVERY.id());
        }
    }

    @Test
    void whatIsKeptToRetractAnItemHoldsNoneOfItsWords() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            driver.pipe(LATE_DELIVERY);

            KeyValueStore<String, Counted> counted = driver.driver.getKeyValueStore(AggregatorTopology.COUNTED_FEEDBACK_STORE);
            String kept = new String(new CountedSerde().serializer().serialize("", counted.get(LATE_DELIVERY.id())), StandardCharsets.UTF_8);
            assertThat(kept).contains("delivery/late", "tracking page").doesNotContain(LATE_DELIVERY.feedback().text());
        }
    }

    @Test
    void aRedeliveryAfterTheRetractionIsNotCountedAgainAndASecondRetractionChangesNothing() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            KeyValueStore<String, SegmentSentiment> segments = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
            driver.pipe(LATE_DELIVERY);
            driver.pipe(LATE_AGAIN);
            driver.retract(LATE_AGAIN.id(), START.plus(Duration.ofHours(1)));
            driver.pipe(LATE_AGAIN);
            driver.retract(LATE_AGAIN.id(), START.plus(Duration.ofHours(2)));

            assertThat(segments.get("all").count()).isEqualTo(1);
            assertThat(segments.get("region:EU").negative()).isEqualTo(1);
        }
    }

    @Test
    void aRetractionThatArrivesFirstKeepsTheItemOut() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            KeyValueStore<String, SegmentSentiment> segments = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
            driver.retract(LATE_AGAIN.id(), START);
            driver.pipe(LATE_DELIVERY);
            driver.pipe(LATE_AGAIN);

            assertThat(segments.get("all").count()).isEqualTo(1);
            assertThat(driver.deadLetters.isEmpty()).isTrue();
        }
    }

    @Test
    void aRetractionLeavesABucketAloneThatNeverCountedItsLateItem() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            WindowStore<String, Tally> minutes = driver.driver.getWindowStore(AggregatorTopology.TIMELINE_MINUTES_STORE);
            driver.pipe(LATE_DELIVERY);
            // Written in the same minute, received an hour later: counted in the totals, not in the minute's bucket.
            AnnotatedFeedback backfilled = receivedAt(aboutTheme("r-4", START.plusSeconds(30), "delivery/late",
                    SentimentLabel.NEGATIVE, -0.2, EU), START.plus(Duration.ofHours(1)));
            driver.pipe(backfilled);
            assertThat(minutes.fetch("all", START.toEpochMilli()).count()).isEqualTo(1);

            driver.retract(backfilled.id(), START.plus(Duration.ofHours(2)));

            assertThat(minutes.fetch("all", START.toEpochMilli())).isEqualTo(new Tally(1, 1, 0, 0, -0.6));
        }
    }

    @Test
    void aTombstoneWithoutAKeyIsADeadLetter() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            driver.annotated.pipeInput(null, null, START);

            assertThat(new String(driver.deadLetters.readRecord().headers().lastHeader(Headers.DLQ_REASON).value(),
                    StandardCharsets.UTF_8)).isEqualTo("a retraction must be keyed by the feedback id");
        }
    }

    /** Every entry of every segment store after {@code feeding} a fresh topology. */
    private static SegmentStores storesAfter(Consumer<AggregatorDriver> feeding) {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            feeding.accept(driver);
            return SegmentStores.of(driver);
        }
    }
}
