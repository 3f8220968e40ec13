package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emerging score: excess of recent mentions over the baseline's prediction, in Poisson standard deviations. */
class EmergingScoreTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aTermSaidAtItsUsualRateScoresNothing() {
        // 168 mentions over the week's time constant predict one in the hour's; one was said.
        EmergingScore score = EmergingScore.of(stats(1, 168, NOW), NOW, HOUR, WEEK);

        assertThat(score.expected()).isCloseTo(1.0, within(1e-9));
        assertThat(score.score()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void theExcessIsMeasuredInStandardDeviationsOfTheExpectedCount() {
        // Expected 3 (504 / 168), recent 11: (11 - 3) / sqrt(3 + 1) = 4.
        EmergingScore score = EmergingScore.of(stats(11, 504, NOW), NOW, HOUR, WEEK);

        assertThat(score.recent()).isEqualTo(11.0);
        assertThat(score.score()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void aBrandNewTermNeedsMoreThanAHandfulToScoreHigh() {
        // No baseline: the +1 keeps 3 mentions at 3 deviations, not infinitely many.
        assertThat(EmergingScore.of(stats(3, 0, NOW), NOW, HOUR, WEEK).score()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void countsDecayToTheMomentAsked() {
        // Counted an hour before NOW: the recent count has decayed by e, the baseline by e^(1/168).
        EmergingScore score = EmergingScore.of(stats(10, 168, NOW.minus(HOUR)), NOW, HOUR, WEEK);

        assertThat(score.recent()).isCloseTo(10 / Math.E, within(1e-9));
        assertThat(score.expected()).isCloseTo(Math.exp(-1.0 / 168), within(1e-9));
        assertThat(score.score()).isLessThan(EmergingScore.of(stats(10, 168, NOW), NOW, HOUR, WEEK).score());
    }

    private static CandidateStats stats(double recent, double baseline, Instant decayedTo) {
        return new CandidateStats(Math.round(recent), recent, baseline, decayedTo, List.of());
    }
}
