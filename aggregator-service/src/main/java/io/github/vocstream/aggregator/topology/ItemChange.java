package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeSentiment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one item adds to (or, retracted, takes back from) any segment it counts in, worked out once for all of its
 * segments before {@link SegmentDeltaCollector#collect} adds it to each: its tallies, as a whole and per theme, and the
 * timeline buckets it counts in.
 */
final class ItemChange {

    private static final Logger LOG = LoggerFactory.getLogger(ItemChange.class);

    final SegmentUpdate update;
    /** What it changes in a segment's counts, and in the buckets of the segment as a whole. */
    final Tally whole;
    /** What it changes in each theme's counts, in the order of {@code update.themes()}. */
    final List<Tally> themes;
    /** The start (epoch milliseconds) of its minute bucket; null when it reached ingest too late to count there. */
    final Long minute;
    /** The same for its hour bucket. */
    final Long hour;
    /**
     * Whether the alerts' detectors see it: retractions are not fed to them (an alert tells what was seen then), and an
     * item nobody scored says nothing about how negative customers are: it neither raises nor dilutes a share.
     */
    final boolean observed;

    ItemChange(SegmentUpdate update, AggregatorConfiguration configuration) {
        this.update = update;
        this.whole = counted(update.label(), update.score(), update);
        this.themes = new ArrayList<>(update.themes().size());
        for (ThemeSentiment verdict : update.themes()) {
            themes.add(counted(verdict.label(), verdict.score(), update));
        }
        this.minute = bucket(Duration.ofMinutes(1), update, configuration);
        this.hour = bucket(Duration.ofHours(1), update, configuration);
        this.observed = !update.retracted() && update.label() != null;
        if (!update.retracted() && update.occurredAt() != null && (minute == null || hour == null)) {
            LOG.debug("{} is too late for its timeline bucket", update.feedbackId());
        }
    }

    private static Tally counted(SentimentLabel label, double score, SegmentUpdate update) {
        return update.retracted() ? Tally.EMPTY.remove(label, score, update.rating(), update.language())
                : Tally.EMPTY.add(label, score, update.rating(), update.language());
    }

    /** Where the item falls among buckets of {@code size}, if it came early enough to count there. */
    private static Long bucket(Duration size, SegmentUpdate update, AggregatorConfiguration configuration) {
        if (update.occurredAt() == null) {
            return null;
        }
        long eventTime = update.occurredAt().toEpochMilli();
        long start = eventTime - Math.floorMod(eventTime, size.toMillis());
        return start + size.toMillis() + configuration.grace().toMillis() > update.receivedAt().toEpochMilli() ? start : null;
    }
}
