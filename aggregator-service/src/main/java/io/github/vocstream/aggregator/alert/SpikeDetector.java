package io.github.vocstream.aggregator.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the moment a subject's negative feedback rises above its usual level, on event time, one mention at a time,
 * from exponentially decayed counts (which add up the same in any arrival order, so that a replay, whose partitions
 * may interleave differently, reaches the same state):
 * <ul>
 *   <li><b>rate</b>: the usual rate r0 of negative mentions is the baseline's decayed count over the time it covers
 *       (its time constant, or the subject's age if younger). The recent decayed count R of negative mentions then has
 *       mean r0·T and, for Poisson arrivals, variance r0·T/2 (T the recent time constant); the score is
 *       (R - r0·T) / sqrt(r0·T/2 + 1/2), in standard deviations.</li>
 *   <li><b>share</b>: the usual negative share p0 is the baseline's negative over all mentions; with A the recent decayed
 *       count of all mentions, the score is (R - p0·A) / sqrt(p0 (1 - p0) A/2 + 1/2).</li>
 * </ul>
 * An alert is raised when a score reaches its threshold, the subject has {@code warmUp} of history, at least
 * {@code minRecent} negative mentions now, and no alert within {@code cooldown}; it stays raised until both scores fall
 * below half their thresholds (hysteresis), and only then can a new one come.
 */
public final class SpikeDetector {

    private final AlertSettings settings;

    public SpikeDetector(AlertSettings settings) {
        this.settings = settings;
    }

    /** What the detector knows after one mention, and the signal that crossed, when one did just now. */
    public record Step(SpikeState state, Optional<Signal> alert) {
    }

    /** Which score raised the alert, how high it was, and the usual level: negative mentions an hour, or the share. */
    public record Signal(String kind, double score, double usual) {
    }

    public Step observe(SpikeState known, Instant at, boolean negative) {
        SpikeState state = known == null ? SpikeState.first(at) : known;
        double baselineTau = settings.baseline().toMillis();
        double recentTau = settings.recent().toMillis();
        Instant now = at.isAfter(state.decayedTo()) ? at : state.decayedTo();
        double elapsed = Duration.between(state.decayedTo(), now).toMillis();
        // Everything as of now: what was known decays, the new mention counts for what is left of it by now.
        // exp(0) is exactly 1: mentions in order (nearly all) skip four exponentials.
        double baselineKeep = elapsed == 0 ? 1 : Math.exp(-elapsed / baselineTau);
        double recentKeep = elapsed == 0 ? 1 : Math.exp(-elapsed / recentTau);
        double lag = Duration.between(at, now).toMillis();
        double baselineWeight = lag == 0 ? 1 : Math.exp(-lag / baselineTau);
        double recentWeight = lag == 0 ? 1 : Math.exp(-lag / recentTau);
        double negativeBaseline = state.negativeBaseline() * baselineKeep + (negative ? baselineWeight : 0);
        double allBaseline = state.allBaseline() * baselineKeep + baselineWeight;
        double negativeRecent = state.negativeRecent() * recentKeep + (negative ? recentWeight : 0);
        double allRecent = state.allRecent() * recentKeep + recentWeight;

        double age = Duration.between(state.since(), now).toMillis();
        boolean alerting = state.alerting();
        Instant lastAlertAt = state.lastAlertAt();
        boolean warm = age >= settings.warmUp().toMillis();
        boolean cooled = lastAlertAt == null || !now.isBefore(lastAlertAt.plus(settings.cooldown()));
        boolean mayStart = warm && cooled && negativeRecent >= settings.minRecent();
        Optional<Signal> alert = Optional.empty();
        // The scores only matter while an alert is raised or when one may start: most mentions skip their arithmetic.
        if (alerting || mayStart) {
            double covered = baselineTau * (1 - Math.exp(-age / baselineTau));
            double usualRate = covered > 0 ? negativeBaseline / covered : 0;
            double usualShare = allBaseline > 0 ? negativeBaseline / allBaseline : 0;
            double expected = usualRate * recentTau;
            double rateScore = (negativeRecent - expected) / Math.sqrt(expected / 2 + 0.5);
            double shareScore = (negativeRecent - usualShare * allRecent)
                    / Math.sqrt(usualShare * (1 - usualShare) * allRecent / 2 + 0.5);
            if (alerting && rateScore < settings.rateThreshold() / 2 && shareScore < settings.shareThreshold() / 2) {
                alerting = false;
            }
            if (mayStart && !alerting) {
                if (rateScore >= settings.rateThreshold()) {
                    alert = Optional.of(new Signal("negative-rate", rateScore, usualRate * Duration.ofHours(1).toMillis()));
                } else if (shareScore >= settings.shareThreshold()) {
                    alert = Optional.of(new Signal("negative-share", shareScore, usualShare));
                }
                if (alert.isPresent()) {
                    alerting = true;
                    lastAlertAt = now;
                }
            }
        }
        return new Step(new SpikeState(negativeBaseline, allBaseline, negativeRecent, allRecent, now, state.since(), alerting,
                lastAlertAt), alert);
    }
}
