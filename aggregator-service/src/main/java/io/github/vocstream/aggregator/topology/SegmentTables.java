package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeSentiment;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a segment's theme table, its timelines (whole segment and per theme, in minute and hour buckets of event
 * time) and its candidate terms. A bucket that closed longer than the grace period ago (in stream time) takes no
 * more items; such an item still counts in the totals and theme tables, which have no time.
 */
final class SegmentTables implements Processor<String, SegmentUpdate, Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentTables.class);

    private final AggregatorConfiguration configuration;
    private KeyValueStore<String, ThemeStats> themes;
    private KeyValueStore<String, CandidateStats> candidates;
    private WindowStore<String, Tally> minutes;
    private WindowStore<String, Tally> hours;
    private ProcessorContext<Void, Void> context;

    SegmentTables(AggregatorConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.themes = context.getStateStore(AggregatorTopology.SEGMENT_THEMES_STORE);
        this.candidates = context.getStateStore(AggregatorTopology.SEGMENT_CANDIDATES_STORE);
        this.minutes = context.getStateStore(AggregatorTopology.TIMELINE_MINUTES_STORE);
        this.hours = context.getStateStore(AggregatorTopology.TIMELINE_HOURS_STORE);
    }

    @Override
    public void process(Record<String, SegmentUpdate> record) {
        String segment = record.key();
        SegmentUpdate update = record.value();
        if (update.occurredAt() == null) {
            // Written by a version without themes, still in the repartition topic after an upgrade: totals only.
            return;
        }
        long eventTime = update.occurredAt().toEpochMilli();
        Bucketing minute = new Bucketing(minutes, Duration.ofMinutes(1), configuration.minuteRetention(), eventTime);
        Bucketing hour = new Bucketing(hours, Duration.ofHours(1), configuration.hourRetention(), eventTime);
        if (!minute.open() || !hour.open()) {
            LOG.debug("{} in {} is too late for its timeline bucket", update.feedbackId(), segment);
        }
        minute.add(segment, update.label(), update.score());
        hour.add(segment, update.label(), update.score());

        for (ThemeSentiment verdict : update.themes()) {
            String key = StoreKeys.of(segment, verdict.theme());
            ThemeStats known = themes.get(key);
            themes.put(key, (known == null ? ThemeStats.empty() : known).add(verdict, update.occurredAt(),
                    update.evidence().get(verdict.theme()), configuration.evidencePerTheme()));
            minute.add(key, verdict.label(), verdict.score());
            hour.add(key, verdict.label(), verdict.score());
        }
        for (Map.Entry<String, Evidence> candidate : update.candidates().entrySet()) {
            String key = StoreKeys.of(segment, candidate.getKey());
            CandidateStats known = candidates.get(key);
            candidates.put(key, (known == null ? CandidateStats.empty() : known).add(update.occurredAt(), candidate.getValue(),
                    configuration.emergingRecent(), configuration.emergingBaseline(), configuration.evidencePerTheme()));
        }
    }

    /** One bucket size: where an event time falls, and whether that bucket still takes items. */
    private final class Bucketing {

        private final WindowStore<String, Tally> store;
        private final long start;
        private final boolean open;

        Bucketing(WindowStore<String, Tally> store, Duration size, Duration retention, long eventTime) {
            this.store = store;
            this.start = eventTime - Math.floorMod(eventTime, size.toMillis());
            long streamTime = context.currentStreamTimeMs();
            this.open = start + size.toMillis() + configuration.grace().toMillis() > streamTime
                    && start + size.toMillis() > streamTime - retention.toMillis();
        }

        boolean open() {
            return open;
        }

        void add(String key, SentimentLabel label, double score) {
            if (!open) {
                return;
            }
            Tally known = store.fetch(key, start);
            store.put(key, (known == null ? Tally.EMPTY : known).add(label, score), start);
        }
    }
}
