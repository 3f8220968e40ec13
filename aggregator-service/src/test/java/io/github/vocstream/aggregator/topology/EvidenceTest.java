package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.SentimentLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The newest sentences kept per theme and term: one item's is put in its place without sorting, as sorting would. */
class EvidenceTest {

    @Property(tries = 2_000)
    void oneSentenceAddedLandsWhereSortingEverythingPutsIt(@ForAll @Size(max = 8) List<@From("sentences") Evidence> known,
                                                           @ForAll("sentences") Evidence added, @ForAll @IntRange(min = 1, max = 6) int max) {
        List<Evidence> kept = sortedAndCut(known, List.of(), max);

        assertThat(Evidence.newest(kept, Set.of(), List.of(added), max)).isEqualTo(sortedAndCut(kept, List.of(added), max));
    }

    @Property(tries = 500)
    void sentencesOfRetractedFeedbackLeave(@ForAll @Size(max = 8) List<@From("sentences") Evidence> known,
                                          @ForAll @Size(max = 4) List<@From("sentences") Evidence> added) {
        List<Evidence> kept = sortedAndCut(known, List.of(), 5);
        Set<String> leaving = Set.of("f-1", "f-2");

        List<Evidence> newest = Evidence.newest(kept, leaving, added, 5);

        List<Evidence> staying = kept.stream().filter(shown -> !leaving.contains(shown.feedbackId())).toList();
        assertThat(newest).isEqualTo(sortedAndCut(staying, added, 5));
    }

    /** Sentences of a few feedback ids at a few times, so that ties in time are common. */
    @Provide
    Arbitrary<Evidence> sentences() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 6))
                .as((id, second) -> new Evidence("f-" + id, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(second),
                        "sentence " + id + "/" + second, SentimentLabel.NEUTRAL, 0));
    }

    private static List<Evidence> sortedAndCut(List<Evidence> kept, List<Evidence> added, int max) {
        List<Evidence> all = new ArrayList<>(kept);
        all.addAll(added);
        all.sort(Comparator.comparing(Evidence::occurredAt).reversed().thenComparing(Evidence::feedbackId));
        return all.subList(0, Math.min(max, all.size()));
    }
}
