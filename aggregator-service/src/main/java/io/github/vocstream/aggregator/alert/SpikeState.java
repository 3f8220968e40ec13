package io.github.vocstream.aggregator.alert;

import java.time.Instant;

/**
 * What the detector remembers of one subject (a segment, or a theme in a segment): exponentially decayed counts of its
 * negative mentions and of all its mentions, over the baseline and the recent time constants, all as of
 * {@code decayedTo} (the latest event time seen), since when it has been seen, and its alert state. Decayed sums take
 * a mention the same whatever order it arrives in, so the state after a set of mentions is the same on every replay.
 */
public record SpikeState(double negativeBaseline, double allBaseline, double negativeRecent, double allRecent,
                         Instant decayedTo, Instant since, boolean alerting, Instant lastAlertAt) {

    static SpikeState first(Instant at) {
        return new SpikeState(0, 0, 0, 0, at, at, false, null);
    }
}
