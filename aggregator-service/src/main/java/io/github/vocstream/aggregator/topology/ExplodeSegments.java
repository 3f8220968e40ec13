package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.segment.SegmentKey;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends one {@link SegmentUpdate} per segment the feedback belongs to, keyed by segment and stamped with the
 * feedback's event time, so that downstream stream time, and with it lateness, follows when customers wrote.
 */
final class ExplodeSegments implements Processor<String, AnnotatedFeedback, String, SegmentUpdate> {

    private ProcessorContext<String, SegmentUpdate> context;

    @Override
    public void init(ProcessorContext<String, SegmentUpdate> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, AnnotatedFeedback> record) {
        SegmentUpdate update = SegmentUpdate.of(record.value());
        for (String segment : SegmentKey.of(record.value().feedback())) {
            context.forward(new Record<>(segment, update, update.occurredAt().toEpochMilli(), record.headers()));
        }
    }
}
