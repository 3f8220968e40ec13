package io.github.vocstream.aggregator.topology;

import static io.github.vocstream.aggregator.topology.AggregatorDriver.START;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.aboutTheme;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.byAuthor;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.feedback;
import static io.github.vocstream.aggregator.topology.AnnotatedFeedbacks.receivedAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.Erasure;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** A customer erased by author hash leaves every table as if they had never written, and stays out. */
class ErasureTest {

    private static final Map<String, String> EU = Map.of("region", "EU");
    private static final Map<String, String> US = Map.of("region", "US");
    /** Jane's hashes at two platforms: a reference is hashed with its source, so one person has one per platform. */
    private static final String JANE_AT_ZENDESK = "h:jane-zendesk";
    private static final String JANE_AT_TRUSTPILOT = "h:jane-trustpilot";

    private static final AnnotatedFeedback JANE_LATE = byAuthor(
            aboutTheme("j-1", START, "delivery/late", SentimentLabel.NEGATIVE, -0.6, EU, "loyalty program"), JANE_AT_ZENDESK);
    private static final AnnotatedFeedback JANE_STAFF = byAuthor(
            aboutTheme("j-2", START.plusSeconds(10), "staff", SentimentLabel.POSITIVE, 0.8, EU), JANE_AT_ZENDESK);
    private static final AnnotatedFeedback JANE_REVIEW = byAuthor(
            feedback("j-3", START.plusSeconds(20), SentimentLabel.NEGATIVE, -0.4, US), JANE_AT_TRUSTPILOT);
    private static final AnnotatedFeedback OTHER_LATE = byAuthor(
            aboutTheme("o-1", START.plusSeconds(30), "delivery/late", SentimentLabel.NEGATIVE, -0.5, EU, "loyalty program"), "h:someone");
    private static final AnnotatedFeedback ANONYMOUS_STAFF = aboutTheme("o-2", START.plusSeconds(40), "staff",
            SentimentLabel.POSITIVE, 0.6, EU);

    private static final Erasure ERASE_JANE = new Erasure(Erasure.SCHEMA_VERSION, "e-000000000000000000000001",
            START.plus(Duration.ofHours(1)), "client 'privacy-desk'", 2, List.of(JANE_AT_ZENDESK, JANE_AT_TRUSTPILOT));

    @Test
    void anErasedCustomerLeavesEveryTableAsIfTheyHadNeverWritten() {
        SegmentStores erased;
        List<TestRecord<String, byte[]>> retractedRaw;
        List<TestRecord<String, byte[]>> retractedAnnotated;
        ErasureStatus status;
        try (AggregatorDriver driver = driver()) {
            List.of(JANE_LATE, OTHER_LATE, JANE_STAFF, ANONYMOUS_STAFF, JANE_REVIEW).forEach(driver::pipe);
            retractedAnnotated = driver.erase(ERASE_JANE);
            retractedRaw = driver.rawOut.readRecordsToList();
            erased = SegmentStores.of(driver);
            KeyValueStore<String, ErasureStatus> ledger = driver.driver.getKeyValueStore(AggregatorTopology.ERASURES_STORE);
            status = ledger.get(ERASE_JANE.id());
        }
        SegmentStores never;
        try (AggregatorDriver driver = driver()) {
            List.of(OTHER_LATE, ANONYMOUS_STAFF).forEach(driver::pipe);
            never = SegmentStores.of(driver);
        }

        erased.assertSameAs(never);
        assertThat(erased.get(AggregatorTopology.SEGMENT_SENTIMENT_STORE)).as("Jane alone wrote in the US").doesNotContainKey("region:US");
        for (List<TestRecord<String, byte[]>> retractions : List.of(retractedRaw, retractedAnnotated)) {
            assertThat(retractions).extracting(TestRecord::key)
                    .containsExactlyInAnyOrder(JANE_LATE.id(), JANE_STAFF.id(), JANE_REVIEW.id());
            assertThat(retractions).allSatisfy(record -> {
                assertThat(record.value()).as("a retraction has no value").isNull();
                assertThat(new String(record.headers().lastHeader(Headers.FEEDBACK_ID).value(), StandardCharsets.UTF_8))
                        .isEqualTo(record.key());
            });
        }
        assertThat(status).isEqualTo(new ErasureStatus(ERASE_JANE.id(), ERASE_JANE.requestedAt(), "client 'privacy-desk'", 2, 2, 2, 3,
                status.lastAppliedAt()));
        assertThat(status.isComplete()).isTrue();
    }

    @Test
    void anItemOnItsWayAtTheErasureIsRetractedOnArrivalAndALaterOneIsNewFeedback() {
        AnnotatedFeedback onItsWay = byAuthor(receivedAt(feedback("j-4", START.plusSeconds(50), SentimentLabel.NEGATIVE, -0.3, EU),
                START.plus(Duration.ofMinutes(30))), JANE_AT_ZENDESK);
        AnnotatedFeedback afterwards = byAuthor(receivedAt(feedback("j-5", START.plus(Duration.ofHours(2)), SentimentLabel.POSITIVE,
                0.5, EU), START.plus(Duration.ofHours(2))), JANE_AT_ZENDESK);
        try (AggregatorDriver driver = driver()) {
            driver.pipe(JANE_LATE);
            driver.erase(ERASE_JANE);
            driver.pipe(onItsWay);
            assertThat(driver.feedBack()).extracting(TestRecord::key).containsExactly(onItsWay.id());
            driver.pipe(afterwards);
            assertThat(driver.feedBack()).as("new feedback is not retracted").isEmpty();
            // Delivered again by its platform, so received anew: still Jane's erased item.
            driver.pipe(receivedAt(JANE_LATE, START.plus(Duration.ofHours(3))));
            assertThat(driver.feedBack()).as("a redelivery of an erased item is retracted again, so its text is compacted away again")
                    .extracting(TestRecord::key).containsExactly(JANE_LATE.id());

            KeyValueStore<String, SegmentSentiment> segments = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
            assertThat(segments.get("all").count()).as("only what Jane wrote after the erasure; a redelivery stays out").isEqualTo(1);
            assertThat(segments.get("all").positive()).isEqualTo(1);
            KeyValueStore<String, ErasureStatus> ledger = driver.driver.getKeyValueStore(AggregatorTopology.ERASURES_STORE);
            assertThat(ledger.get(ERASE_JANE.id()).itemsRetracted()).isEqualTo(1);

            Erasure again = new Erasure(Erasure.SCHEMA_VERSION, "e-000000000000000000000002", START.plus(Duration.ofHours(4)),
                    "client 'privacy-desk'", 1, List.of(JANE_AT_ZENDESK));
            assertThat(driver.erase(again)).as("what is erased already is not counted again; what came since is")
                    .extracting(TestRecord::key).containsExactly(afterwards.id());
            assertThat(ledger.get(again.id()).itemsRetracted()).isEqualTo(1);
            assertThat(segments.get("all")).isNull();
        }
    }

    private static AggregatorDriver driver() {
        return new AggregatorDriver(AggregatorConfiguration.defaults());
    }
}
