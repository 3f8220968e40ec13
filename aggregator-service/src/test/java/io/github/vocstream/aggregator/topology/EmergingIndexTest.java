package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.SentimentLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The emerging list read through the index equals the exhaustive scoring of every term the segment has: on random
 * days of mostly one-off terms with a few that come in bursts, checked after every few hundred items.
 */
class EmergingIndexTest {

    @Test
    void theIndexListsExactlyWhatScoringEveryTermLists() {
        AggregatorConfiguration configuration = AggregatorConfiguration.defaults();
        Random random = new Random(23);
        try (AggregatorDriver driver = new AggregatorDriver(configuration)) {
            KeyValueStore<String, CandidateStats> candidates = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_CANDIDATES_STORE);
            KeyValueStore<String, EmergingIndex> index = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_EMERGING_STORE);
            Instant at = AggregatorDriver.START;
            int checks = 0;
            int listed = 0;
            for (int i = 0; i < 3_000; i++) {
                at = at.plusMillis((long) (-Math.log(1 - random.nextDouble()) * Duration.ofMinutes(2).toMillis()));
                // Mostly terms said once; now and then one of a few that come in bursts, a few hours each.
                String term = random.nextDouble() < 0.7 ? "rare-" + i : "burst-" + (i / 100 + random.nextInt(3)) % 12;
                driver.pipe(AnnotatedFeedbacks.aboutTheme("e-" + i, at, "staff", SentimentLabel.POSITIVE, 0.5,
                        Map.of("team", "delta"), term));
                if (i % 250 == 249) {
                    checks++;
                    Map<String, CandidateStats> all = new HashMap<>();
                    Instant asOf = null;
                    try (KeyValueIterator<String, CandidateStats> entries = candidates.all()) {
                        while (entries.hasNext()) {
                            var entry = entries.next();
                            if (entry.key.startsWith(StoreKeys.prefixOf("team:delta"))) {
                                all.put(StoreKeys.partOf(entry.key), entry.value);
                                asOf = asOf == null || entry.value.decayedTo().isAfter(asOf) ? entry.value.decayedTo() : asOf;
                            }
                        }
                    }
                    EmergingIndex known = index.get("team:delta");
                    Map<String, CandidateStats> indexed = new HashMap<>();
                    known.terms().forEach(t -> indexed.put(t, candidates.get(StoreKeys.of("team:delta", t))));

                    assertThat(known.asOf()).isEqualTo(asOf);
                    assertThat(known.terms().size()).as("the index stays short").isLessThan(all.size() / 10);
                    var exhaustive = EmergingRanking.rank(all, asOf, configuration, 50).stream().map(EmergingRanking.Ranked::term).toList();
                    assertThat(EmergingRanking.rank(indexed, asOf, configuration, 50)).extracting(EmergingRanking.Ranked::term)
                            .isEqualTo(exhaustive);
                    listed += exhaustive.isEmpty() ? 0 : 1;
                }
            }
            assertThat(checks).isEqualTo(12);
            assertThat(listed).as("checks at which some term was emerging").isGreaterThanOrEqualTo(8);
        }
    }
}
