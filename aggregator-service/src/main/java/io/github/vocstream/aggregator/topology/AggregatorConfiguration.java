package io.github.vocstream.aggregator.topology;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code voc.aggregator.*}: how the theme tables and timelines are kept.
 *
 * @param evidencePerTheme  how many of the latest sentences each segment keeps per theme and per candidate term
 * @param grace             how long after a timeline bucket closes an item may still reach ingest and count in it
 * @param minuteRetention   how long minute buckets are kept
 * @param hourRetention     how long hour buckets are kept
 * @param emergingRecent    the time constant of a candidate term's recent frequency
 * @param emergingBaseline  the time constant of its baseline frequency, against which the recent one is compared
 * @param emergingMinimum   recent mentions (decayed) a term needs before it can be called emerging
 * @param candidateExpiry   how long a candidate term may go unseen before it is forgotten, unless it was said often
 * @param candidateKeep     mentions that keep a term however long it goes unseen: it is part of the segment's language
 * @param liveCommitInterval how often the first step commits while it keeps up with its input, which is how long an
 *                          item may wait before the counts show it; behind (a replay, a burst), it leaves commits to
 *                          Streams' {@code commit.interval.ms}, which is longer ({@link CountOnce})
 */
@ConfigurationProperties("voc.aggregator")
public record AggregatorConfiguration(
        @Bindable(defaultValue = "5") int evidencePerTheme,
        @Bindable(defaultValue = "10m") Duration grace,
        @Bindable(defaultValue = "24h") Duration minuteRetention,
        @Bindable(defaultValue = "7d") Duration hourRetention,
        @Bindable(defaultValue = "1h") Duration emergingRecent,
        @Bindable(defaultValue = "7d") Duration emergingBaseline,
        @Bindable(defaultValue = "3") double emergingMinimum,
        @Bindable(defaultValue = "28d") Duration candidateExpiry,
        @Bindable(defaultValue = "20") long candidateKeep,
        @Bindable(defaultValue = "100ms") Duration liveCommitInterval) {

    public AggregatorConfiguration {
        if (liveCommitInterval.toMillis() < 1) {
            throw new IllegalArgumentException("voc.aggregator.live-commit-interval must be at least 1ms, not " + liveCommitInterval);
        }
    }

    public static AggregatorConfiguration defaults() {
        return new AggregatorConfiguration(5, Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofDays(7),
                Duration.ofHours(1), Duration.ofDays(7), 3, Duration.ofDays(28), 20,
                Duration.ofMillis(100));
    }
}
