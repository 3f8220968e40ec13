package io.github.vocstream.aggregator.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A candidate term in one segment: its mention count, and two exponentially decaying counts of its mentions, one
 * with a short time constant (how often it is said now) and one with a long one (how often it is usually said),
 * both as of {@code decayedTo}. Decay needs no buckets, takes out-of-order mentions exactly, and two such counts add
 * up exactly (decay both to the later time). In a {@link SegmentDelta} it is what a run of items changes, and its
 * counts may be negative.
 */
public record CandidateStats(long mentions, double recent, double baseline, Instant decayedTo, List<Evidence> evidence) {

    public CandidateStats {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static CandidateStats empty() {
        return new CandidateStats(0, 0, 0, null, List.of());
    }

    /** A mention at {@code at} with its sentence: what the emerging-terms benchmark adds up term by term. */
    public CandidateStats add(Instant at, Evidence shown, Duration recentTau, Duration baselineTau, int maxEvidence) {
        return mentioned(at, 1, recentTau, baselineTau, Evidence.newest(evidence, Set.of(), List.of(shown), maxEvidence));
    }

    /** These counts with a mention at {@code at} added (sign 1) or taken back (sign −1), keeping the sentences {@code kept}. */
    CandidateStats mentioned(Instant at, int sign, Duration recentTau, Duration baselineTau, List<Evidence> kept) {
        if (decayedTo == null || !at.isBefore(decayedTo)) {
            return new CandidateStats(mentions + sign, decay(recent, decayedTo, at, recentTau) + sign,
                    decay(baseline, decayedTo, at, baselineTau) + sign, at, kept);
        }
        // A mention older than the last one counts for what is left of it by now.
        return new CandidateStats(mentions + sign, recent + sign * decay(1, at, decayedTo, recentTau),
                baseline + sign * decay(1, at, decayedTo, baselineTau), decayedTo, kept);
    }

    /**
     * This term with what a run of items changed ({@code change}) added, and the sentences of the retracted feedback in
     * {@code retracted} gone.
     */
    public CandidateStats plus(CandidateStats change, Set<String> retracted, Duration recentTau, Duration baselineTau, int maxEvidence) {
        Instant to = decayedTo == null || change.decayedTo != null && change.decayedTo.isAfter(decayedTo) ? change.decayedTo : decayedTo;
        // Never below zero: rounding must not leave a term with a negative frequency.
        return new CandidateStats(mentions + change.mentions,
                Math.max(0, decay(recent, decayedTo, to, recentTau) + decay(change.recent, change.decayedTo, to, recentTau)),
                Math.max(0, decay(baseline, decayedTo, to, baselineTau) + decay(change.baseline, change.decayedTo, to, baselineTau)),
                to, Evidence.newest(evidence, retracted, change.evidence, maxEvidence));
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
        if (from == null || to == null || !to.isAfter(from)) {
            return value;
        }
        return value * Math.exp(-(double) Duration.between(from, to).toMillis() / tau.toMillis());
    }
}
