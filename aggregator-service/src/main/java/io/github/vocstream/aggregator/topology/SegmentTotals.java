package io.github.vocstream.aggregator.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps each segment's running sentiment ({@link SegmentSentiment}), as the DSL aggregation did before it, in the same
 * store and format: a value with the latest record time, deleted when a retraction empties the segment. A processor
 * of its own so that the row is kept as an object between items ({@link DeserializedCache}); the DSL serialises it
 * into its cache at every item.
 */
final class SegmentTotals implements Processor<String, SegmentDelta, Void, Void> {

    private TimestampedKeyValueStore<String, SegmentSentiment> totals;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.totals = context.getStateStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
    }

    @Override
    public void process(Record<String, SegmentDelta> record) {
        ValueAndTimestamp<SegmentSentiment> known = totals.get(record.key());
        SegmentDelta delta = record.value();
        SegmentSentiment sum = (known == null ? SegmentSentiment.empty() : known.value()).plus(delta.totals(), delta.lastFeedbackAt());
        if (known == null && sum.isEmpty()) {
            return;
        }
        long time = known == null ? record.timestamp() : Math.max(record.timestamp(), known.timestamp());
        // A segment that retractions emptied is deleted.
        totals.put(record.key(), sum.isEmpty() ? null : ValueAndTimestamp.make(sum, time));
    }
}
