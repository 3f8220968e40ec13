package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.SentimentLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Candidate terms unseen for the expiry and said seldom are forgotten as stream time passes; others stay. */
class CandidateExpiryTest {

    private static final Instant START = AggregatorDriver.START;

    @Test
    void aTermUnseenForTheExpiryAndSaidSeldomIsForgottenAndAFrequentOneIsKept() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            KeyValueStore<String, CandidateStats> candidates = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_CANDIDATES_STORE);
            driver.pipe(AnnotatedFeedbacks.aboutTheme("once", START, "staff", SentimentLabel.POSITIVE, 0.5, Map.of(), "one-off phrase"));
            for (int i = 0; i < 25; i++) {
                driver.pipe(AnnotatedFeedbacks.aboutTheme("often-" + i, START.plusSeconds(i), "staff", SentimentLabel.POSITIVE, 0.5,
                        Map.of(), "loyalty card"));
            }
            assertThat(candidates.get(StoreKeys.of("all", "one-off phrase"))).isNotNull();

            Instant later = START.plus(AggregatorConfiguration.defaults().candidateExpiry()).plus(Duration.ofDays(2));
            driver.pipe(AnnotatedFeedbacks.aboutTheme("later", later, "staff", SentimentLabel.POSITIVE, 0.5, Map.of(), "new phrase"));

            assertThat(candidates.get(StoreKeys.of("all", "one-off phrase"))).as("unseen for the expiry, said once").isNull();
            assertThat(candidates.get(StoreKeys.of("all", "loyalty card"))).as("said 25 times").isNotNull();
            assertThat(candidates.get(StoreKeys.of("all", "new phrase"))).as("just said").isNotNull();
        }
    }
}
