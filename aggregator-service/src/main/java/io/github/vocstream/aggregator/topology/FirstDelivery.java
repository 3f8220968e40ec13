package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.AnnotatedFeedback;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets through only the first delivery of each feedback id, remembering the ids it has seen in a store. With
 * exactly_once_v2 the store and the aggregates change in the same transaction, so a retried webhook or a record
 * the sentiment service annotated twice is counted once, also across crashes.
 */
final class FirstDelivery implements FixedKeyProcessor<String, AnnotatedFeedback, AnnotatedFeedback> {

    private final String storeName;
    private FixedKeyProcessorContext<String, AnnotatedFeedback> context;
    private KeyValueStore<String, Long> seen;

    FirstDelivery(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, AnnotatedFeedback> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, AnnotatedFeedback> record) {
        if (seen.get(record.key()) == null) {
            seen.put(record.key(), record.value().feedback().receivedAt().toEpochMilli());
            context.forward(record);
        }
    }
}
