package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.kafka.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Knows every author's items, by author hash, and erases authors. An erasure forwards a retraction (a record without a
 * value, keyed by feedback id) for each of the author's items, marks them erased, remembers when the author was
 * erased, and forwards its part of the erasure's status (keyed by erasure id). An erased item delivered again, and an
 * item of an erased author that was received before the erasure but is indexed only after it (it was on its way),
 * are retracted on arrival, so that their text leaves the topics again; an item received after the erasure is new
 * feedback.
 *
 * <p>Keyed by author hash, so that all of an author's items are in one partition; the retractions it forwards go out
 * keyed by feedback id, as any other retraction.
 */
final class AuthorIndex implements Processor<String, AuthorEvent, String, ErasureStatus> {

    /** The value of an item that was erased, in place of the time it was received. */
    private static final long ERASED = -1;

    private ProcessorContext<String, ErasureStatus> context;
    private KeyValueStore<String, Long> items;
    private KeyValueStore<String, Long> erased;

    @Override
    public void init(ProcessorContext<String, ErasureStatus> context) {
        this.context = context;
        this.items = context.getStateStore(ErasureTopology.AUTHOR_FEEDBACK_STORE);
        this.erased = context.getStateStore(ErasureTopology.ERASED_AUTHORS_STORE);
    }

    @Override
    public void process(Record<String, AuthorEvent> record) {
        String author = record.key();
        AuthorEvent event = record.value();
        if (event.erasure() == null) {
            String key = StoreKeys.of(author, event.feedbackId());
            Long erasedAt = erased.get(author);
            Long known = items.get(key);
            if ((known != null && known == ERASED) || (erasedAt != null && event.receivedAt().toEpochMilli() <= erasedAt)) {
                retract(record, event.feedbackId());
                items.put(key, ERASED);
            } else {
                items.put(key, event.receivedAt().toEpochMilli());
            }
            return;
        }
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> known = items.prefixScan(StoreKeys.prefixOf(author), new StringSerializer())) {
            known.forEachRemaining(entry -> {
                if (entry.value != ERASED) {
                    keys.add(entry.key);
                }
            });
        }
        for (String key : keys) {
            retract(record, StoreKeys.partOf(key));
            items.put(key, ERASED);
        }
        Long before = erased.get(author);
        long requestedAt = event.erasure().requestedAt().toEpochMilli();
        erased.put(author, before == null ? requestedAt : Math.max(before, requestedAt));
        Instant appliedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
        context.forward(new Record<>(event.erasure().id(), event.erasure().appliedFor(keys.size(), appliedAt), record.timestamp()));
    }

    private void retract(Record<String, AuthorEvent> cause, String feedbackId) {
        Record<String, ErasureStatus> retraction = new Record<>(feedbackId, null, cause.timestamp());
        retraction.headers().add(Headers.FEEDBACK_ID, feedbackId.getBytes(StandardCharsets.UTF_8));
        context.forward(retraction);
    }
}
