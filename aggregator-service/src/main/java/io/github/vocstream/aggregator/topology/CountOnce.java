package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.segment.SegmentKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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
 * <p>Updates are keyed by segment and stamped with the feedback's event time, so that downstream stream time follows
 * when customers wrote.
 */
final class CountOnce implements Processor<String, Parsed, String, SegmentUpdate> {

    private final Personas personas;
    private final RatingScales ratingScales;
    private ProcessorContext<String, SegmentUpdate> context;
    private KeyValueStore<String, Counted> counted;

    CountOnce(Personas personas, RatingScales ratingScales) {
        this.personas = personas;
        this.ratingScales = ratingScales;
    }

    @Override
    public void init(ProcessorContext<String, SegmentUpdate> context) {
        this.context = context;
        this.counted = context.getStateStore(AggregatorTopology.COUNTED_FEEDBACK_STORE);
    }

    @Override
    public void process(Record<String, Parsed> record) {
        Counted known = counted.get(record.key());
        if (record.value() instanceof Parsed.Ok ok) {
            if (known == null) {
                SegmentUpdate update = SegmentUpdate.of(ok.feedback(), ratingScales);
                List<String> segments = new ArrayList<>(SegmentKey.of(ok.feedback().feedback(), update.language()));
                segments.addAll(personas.of(segments));
                counted.put(record.key(), new Counted(segments, update.retraction()));
                forward(record, segments, update);
            }
        } else if (record.value() instanceof Parsed.Retracted && (known == null || !known.isRetracted())) {
            counted.put(record.key(), Counted.RETRACTED);
            if (known != null) {
                forward(record, known.segments(), known.retraction());
            }
        }
    }

    private void forward(Record<String, Parsed> record, List<String> segments, SegmentUpdate update) {
        for (String segment : segments) {
            context.forward(new Record<>(segment, update, update.occurredAt().toEpochMilli(), record.headers()));
        }
    }
}
