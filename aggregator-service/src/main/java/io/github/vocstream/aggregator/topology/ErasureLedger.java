package io.github.vocstream.aggregator.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Adds up the parts of each erasure ({@link AuthorIndex}) into its status, the audit {@code GET /v1/erasures} reads. */
final class ErasureLedger implements Processor<String, ErasureStatus, Void, Void> {

    private KeyValueStore<String, ErasureStatus> erasures;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.erasures = context.getStateStore(ErasureTopology.ERASURES_STORE);
    }

    @Override
    public void process(Record<String, ErasureStatus> record) {
        ErasureStatus known = erasures.get(record.key());
        erasures.put(record.key(), known == null ? record.value() : known.plus(record.value()));
    }
}
