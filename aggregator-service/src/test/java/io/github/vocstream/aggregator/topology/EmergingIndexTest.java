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
 * The emerging list ranked from the index alone equals the exhaustive scoring of every term the segment has: on random
 * days of mostly one-off terms with a few that come in bursts, and a retraction now and then, checked after every few
 * hundred items.
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
            String lastBurst = null;
            for (int i = 0; i < 3_000; i++) {
                at = at.plusMillis((long) (-Math.log(1 - random.nextDouble()) * Duration.ofMinutes(2).toMillis()));
                // Mostly terms said once; now and then one of a few that come in bursts, a few hours each.
                String term = random.nextDouble() < 0.7 ? "rare-" + i : "burst-" + (i / 100 + random.nextInt(3)) % 12;
                var item = AnnotatedFeedbacks.aboutTheme("e-" + i, at, "staff", SentimentLabel.POSITIVE, 0.5,
                        Map.of("team", "delta"), term);
                driver.pipe(item);
                if (term.startsWith("burst-")) {
                    lastBurst = item.id();
                }
                if (i % 250 == 200 && lastBurst != null) {
                    // A retraction changes a term's counts, and the index's copy of them with it.
                    driver.retract(lastBurst, at);
                }
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
                    Map<String, CandidateStats> indexed = known.counts();
                    assertThat(known.hasCounts()).isTrue();
                    indexed.forEach((t, counts) -> assertThat(counts).as(t)
                            .isEqualTo(candidates.get(StoreKeys.of("team:delta", t)).withoutEvidence()));

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
