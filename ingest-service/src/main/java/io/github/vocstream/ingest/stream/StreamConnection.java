package io.github.vocstream.ingest.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.vocstream.common.kafka.Json;
import io.micronaut.http.MediaType;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream connection: handles its messages one after the other off the event loop (publishing waits for
 * Kafka), so that acknowledgements come in message order, and closes the connection when the client runs more
 * than {@code maxUnacknowledged} messages ahead of them.
 */
final class StreamConnection {

    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);

    private final WebSocketSession session;
    private final BiFunction<Long, String, StreamAck> handler;
    private final Executor executor;
    private final int maxUnacknowledged;
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private long received;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    StreamConnection(WebSocketSession session, BiFunction<Long, String, StreamAck> handler, Executor executor, int maxUnacknowledged) {
        this.session = session;
        this.handler = handler;
        this.executor = executor;
        this.maxUnacknowledged = maxUnacknowledged;
    }

    /** Queues a message behind those before it; called on the connection's event loop, so never concurrently. */
    synchronized void receive(String message) {
        long seq = ++received;
        if (unacknowledged.incrementAndGet() > maxUnacknowledged) {
            // Messages already queued are still handled and published; only their acknowledgements are lost.
            session.close(new CloseReason(CloseReason.POLICY_VIOLATION.getCode(),
                    "more than " + maxUnacknowledged + " messages unacknowledged; wait for acknowledgements"));
            return;
        }
        // Whatever became of the message before, this one is handled: one failure must not silence the connection.
        last = last.handle((done, failed) -> null).thenRunAsync(() -> acknowledge(seq, message), executor);
    }

    private void acknowledge(long seq, String message) {
        StreamAck ack;
        try {
            ack = handler.apply(seq, message);
        } catch (RuntimeException | StackOverflowError e) {
            // Never break the chain: the messages behind this one still get handled.
            LOG.error("Stream {} could not handle message {}", session.getId(), seq, e);
            ack = StreamAck.failed(seq);
        }
        unacknowledged.decrementAndGet();
        send(ack);
    }

    private void send(StreamAck ack) {
        if (!session.isOpen()) {
            LOG.debug("Stream {} closed before message {} was acknowledged ({})", session.getId(), ack.seq(), ack.status());
            return;
        }
        try {
            session.sendSync(Json.mapper().writeValueAsString(ack), MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debug("Could not acknowledge message {} of stream {}: {}", ack.seq(), session.getId(), e.toString());
        }
    }
}
