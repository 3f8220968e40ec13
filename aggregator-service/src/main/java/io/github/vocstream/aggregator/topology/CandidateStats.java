package io.github.vocstream.aggregator.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A candidate term in one segment: its mention count, and two exponentially decaying counts of its mentions, one
 * with a short time constant (how often it is said now) and one with a long one (how often it is usually said),
 * both as of {@code decayedTo}. Decay needs no buckets and takes out-of-order mentions exactly.
 */
public record CandidateStats(long mentions, double recent, double baseline, Instant decayedTo, List<Evidence> evidence) {

    public CandidateStats {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static CandidateStats empty() {
        return new CandidateStats(0, 0, 0, null, List.of());
    }

    public CandidateStats add(Instant at, Evidence shown, Duration recentTau, Duration baselineTau, int maxEvidence) {
        List<Evidence> kept = new ArrayList<>(evidence);
        kept.add(shown);
        kept.sort(Comparator.comparing(Evidence::occurredAt).reversed().thenComparing(Evidence::feedbackId));
        kept = kept.subList(0, Math.min(maxEvidence, kept.size()));
        if (decayedTo == null || !at.isBefore(decayedTo)) {
            return new CandidateStats(mentions + 1, decay(recent, decayedTo, at, recentTau) + 1,
                    decay(baseline, decayedTo, at, baselineTau) + 1, at, kept);
        }
        // A mention older than the last one adds what is left of it by now.
        return new CandidateStats(mentions + 1, recent + decay(1, at, decayedTo, recentTau),
                baseline + decay(1, at, decayedTo, baselineTau), decayedTo, kept);
    }

    /** Takes back a mention at {@code at} that {@link #add} counted: what is left of it as of {@code decayedTo}, and its sentence. */
    public CandidateStats remove(Instant at, String feedbackId, Duration recentTau, Duration baselineTau) {
        // Never below zero: rounding must not leave a term with a negative frequency.
        return new CandidateStats(mentions - 1, Math.max(0, recent - decay(1, at, decayedTo, recentTau)),
                Math.max(0, baseline - decay(1, at, decayedTo, baselineTau)), decayedTo, Evidence.without(evidence, feedbackId));
    }

    /** The same counts without the sentences: what the segment's emerging index keeps of a term. */
    public CandidateStats withoutEvidence() {
        return new CandidateStats(mentions, recent, baseline, decayedTo, List.of());
    }

    /** The recent count as of {@code now}. */
    public double recentAt(Instant now, Duration recentTau) {
        return decay(recent, decayedTo, now, recentTau);
    }

    /** The baseline count as of {@code now}. */
    public double baselineAt(Instant now, Duration baselineTau) {
        return decay(baseline, decayedTo, now, baselineTau);
    }

    private static double decay(double value, Instant from, Instant to, Duration tau) {
        if (from == null || !to.isAfter(from)) {
            return value;
        }
        return value * Math.exp(-(double) Duration.between(from, to).toMillis() / tau.toMillis());
    }
}
