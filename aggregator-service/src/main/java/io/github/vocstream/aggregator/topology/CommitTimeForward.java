package io.github.vocstream.aggregator.topology;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;

/**
 * Forwards a processor's records while its task commits, as Streams' own record caches do (a cached table sends its
 * changes on when Streams flushes it before a commit). Streams flushes the stores' caches before it flushes the
 * producer and commits the transaction, so what a store forwards from {@code flushCache} is in the same transaction as
 * the input offsets of the items behind it ({@link PendingDeltas}).
 *
 * <p>Between records Streams knows no current processor, so this sets the processor it was made in (and a record
 * context, as for a punctuation) around the forward, through Streams' internal context as its caches do: a Kafka
 * upgrade must re-run the crash tier, as for {@link WriteBackStore}. A context that is not Streams' own (a test harness
 * that runs one processor) forwards as it does from {@code process}.
 */
final class CommitTimeForward<K, V> {

    private final ProcessorContext<K, V> context;
    private final InternalProcessorContext<K, V> streams;
    private final ProcessorNode<?, ?, ?, ?> node;

    /** Call it in the processor's {@code init}, while Streams' current processor is the one that forwards. */
    CommitTimeForward(ProcessorContext<K, V> context) {
        this.context = context;
        this.streams = context instanceof InternalProcessorContext<K, V> internal ? internal : null;
        this.node = streams == null ? null : streams.currentNode();
    }

    void forward(Record<K, V> record) {
        if (streams == null) {
            context.forward(record);
            return;
        }
        ProcessorNode<?, ?, ?, ?> previousNode = streams.currentNode();
        ProcessorRecordContext previousRecord = streams.recordContext();
        streams.setCurrentNode(node);
        streams.setRecordContext(new ProcessorRecordContext(record.timestamp(), -1, -1, null, record.headers()));
        try {
            context.forward(record);
        } finally {
            streams.setRecordContext(previousRecord);
            streams.setCurrentNode(previousNode);
        }
    }
}
