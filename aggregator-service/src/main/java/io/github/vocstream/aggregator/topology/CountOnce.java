package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.segment.SegmentKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts each feedback id once, in every segment it belongs to, and takes it back out when it is retracted. The
 * first delivery of an id is remembered with its segments and the retraction of its {@link SegmentUpdate}; later
 * deliveries change nothing. A retraction sends that to the same segments and leaves a marker, so a late
 * redelivery of a deleted post is not counted again. With exactly_once_v2 this store and the aggregates change
 * in one transaction, so a retried webhook, a record annotated twice or a retraction counts once, also across crashes.
 *
 * <p>An item also counts in every persona ({@link Personas}) whose segments it is in; the personas are remembered with
 * its other segments, so its retraction leaves them too, even after the personas file changed.
 *
 * <p>The rating's scale is read here and remembered in the retraction too, so a retraction takes back the rating
 * that was counted even if the scales were configured otherwise since.
 *
 * <p>What the items change is added up per segment ({@link PendingDeltas}) and sent when the task commits (or once it
 * holds {@link PendingDeltas#MAX_ITEMS} items) as one record per segment, keyed by segment and stamped with the latest
 * event time in it, so that downstream stream time follows when customers wrote: the segment's task then does its work
 * once per record, not once per item.
 *
 * <p>When it commits follows how far behind its input it is. Keeping up (the last item it read was written to the
 * annotated topic less than {@link #KEEPING_UP} before), it asks for a commit once an item has waited
 * {@link AggregatorConfiguration#liveCommitInterval()}, so that counts move within a fraction of a second of an item.
 * Behind (a replay, a burst), it leaves commits to Streams' {@code commit.interval.ms}: each commit costs the
 * service and the broker about as much whatever it holds (rows written down, a transaction over every partition
 * written), so fewer commits count more items per second, and those items are late anyway.
 */
final class CountOnce implements Processor<String, Parsed, String, SegmentDelta> {

    /**
     * How recently the last item read must have been written for this step to count as keeping up. Well above the
     * seconds a live pipeline stalls on busy cores (at 2 s, the live freshness benchmark's p90 went from 0.5 to
     * 0.75 s: items after a stall waited for the long commits), and well below how far behind a replay or a burst of
     * a backlog starts.
     */
    static final Duration KEEPING_UP = Duration.ofSeconds(10);

    private final Personas personas;
    private final RatingScales ratingScales;
    private final AggregatorConfiguration configuration;
    private ProcessorContext<String, SegmentDelta> context;
    private KeyValueStore<String, Counted> counted;
    private PendingDeltas deltas;
    private KeyValueStore<String, SegmentDelta> leftovers;
    private boolean leftoversSent;
    /** When the last item read was written to its topic (its record's timestamp). */
    private long lastWrittenAt;
    /** When (wall clock) the first item since the last commit was read: the longest any of them has waited. */
    private long uncommittedSince;

    CountOnce(Personas personas, RatingScales ratingScales, AggregatorConfiguration configuration) {
        this.personas = personas;
        this.ratingScales = ratingScales;
        this.configuration = configuration;
    }

    @Override
    public void init(ProcessorContext<String, SegmentDelta> context) {
        this.context = context;
        this.counted = context.getStateStore(AggregatorTopology.COUNTED_FEEDBACK_STORE);
        this.deltas = context.getStateStore(AggregatorTopology.PENDING_DELTAS_STORE);
        CommitTimeForward<String, SegmentDelta> forward = new CommitTimeForward<>(context);
        deltas.sendWith((segment, delta) -> forward.forward(new Record<>(segment, delta, delta.time())));
        this.leftovers = context.getStateStore(AggregatorTopology.LEFTOVER_DELTAS_STORE);
        this.leftoversSent = false;
        this.lastWrittenAt = Long.MIN_VALUE;
        // Checked four times per interval, and a commit asked for only once the oldest item has waited the interval:
        // each task of a thread has its own schedule, and each asking at its own moment committed the thread several
        // times per interval.
        Duration check = Duration.ofMillis(Math.max(1, configuration.liveCommitInterval().toMillis() / 4));
        context.schedule(check, PunctuationType.WALL_CLOCK_TIME, this::commitIfKeepingUp);
    }

    @Override
    public void process(Record<String, Parsed> record) {
        if (!leftoversSent) {
            sendLeftovers();
        }
        lastWrittenAt = record.timestamp();
        if (!deltas.holdsUncommitted()) {
            uncommittedSince = context.currentSystemTimeMs();
        }
        Counted known = counted.get(record.key());
        if (record.value() instanceof Parsed.Ok ok) {
            if (known == null) {
                SegmentUpdate update = SegmentUpdate.of(ok.feedback(), ratingScales);
                List<String> segments = new ArrayList<>(SegmentKey.of(ok.feedback().feedback(), update.language()));
                segments.addAll(personas.of(segments));
                counted.put(record.key(), new Counted(segments, update.retraction()));
                collect(segments, update);
            }
        } else if (record.value() instanceof Parsed.Retracted && (known == null || !known.isRetracted())) {
            counted.put(record.key(), Counted.RETRACTED);
            if (known != null) {
                collect(known.segments(), known.retraction());
            }
        }
    }

    private void collect(List<String> segments, SegmentUpdate update) {
        ItemChange change = new ItemChange(update, configuration);
        for (String segment : segments) {
            deltas.collect(segment, change);
        }
    }

    private void commitIfKeepingUp(long now) {
        if (deltas.holdsUncommitted() && now - uncommittedSince >= configuration.liveCommitInterval().toMillis()
                && lastWrittenAt > now - KEEPING_UP.toMillis()) {
            context.commit();
        }
    }

    /** Deltas that the version before this one left in its store at a commit: sent on, in this task's next transaction. */
    private void sendLeftovers() {
        try (KeyValueIterator<String, SegmentDelta> left = leftovers.all()) {
            left.forEachRemaining(entry -> {
                context.forward(new Record<>(entry.key, entry.value, entry.value.time()));
                leftovers.delete(entry.key);
            });
        }
        leftoversSent = true;
    }
}
