package io.github.vocstream.aggregator.topology;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a candidate term's recent mentions exceed what its own baseline rate predicts for the same stretch, in
 * Poisson standard deviations: (recent - expected) / sqrt(expected + 1), both decayed counts as of {@code asOf}. The
 * emerging list ranks by it, and an emerging-term alert is raised on it.
 */
public record EmergingScore(double recent, double expected, double score) {

    public static EmergingScore of(CandidateStats stats, Instant asOf, Duration recentTau, Duration baselineTau) {
        double recent = stats.recentAt(asOf, recentTau);
        double baseline = stats.baselineAt(asOf, baselineTau);
        // The baseline count spans its own time constant; scaled to the recent one it is the count to expect now.
        double expected = baseline * recentTau.toMillis() / baselineTau.toMillis();
        return new EmergingScore(recent, expected, (recent - expected) / Math.sqrt(expected + 1));
    }
}
