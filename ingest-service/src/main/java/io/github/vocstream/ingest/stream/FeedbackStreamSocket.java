package io.github.vocstream.ingest.stream;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.ingest.feedback.ApiKeys;
import io.github.vocstream.ingest.feedback.Client;
import io.github.vocstream.ingest.feedback.FeedbackRequestParser;
import io.github.vocstream.ingest.feedback.IngestConfiguration;
import io.github.vocstream.ingest.feedback.Intake;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/stream}: a WebSocket over which a connector pushes a continuous feed. Each text message holds
 * newline-delimited JSON, one {@code POST /v1/feedback} item per line, and is taken like one request: validated
 * whole, published whole or not at all, and answered with a {@link StreamAck} once Kafka holds it. The client knows
 * what is safe at every moment: a message not yet acknowledged is sent again after a reconnect, and its stable ids
 * make that harmless.
 */
@ServerWebSocket(FeedbackStreamSocket.PATH)
public class FeedbackStreamSocket {

    public static final String PATH = "/v1/stream";
    /**
     * As {@code micronaut.server.max-request-size}: one message is one request's worth. The framework caps single
     * frames at this, {@link StreamMessageLimit} messages sent in fragments.
     */
    static final int MAX_MESSAGE_BYTES = 1_048_576;

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackStreamSocket.class);
    private static final String CONNECTION = "voc.stream.connection";

    private final FeedbackRequestParser parser;
    private final Intake intake;
    private final ApiKeys apiKeys;
    private final ExecutorService executor;
    private final int maxUnacknowledged;

    public FeedbackStreamSocket(IngestConfiguration configuration, Intake intake, ApiKeys apiKeys,
                                @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.parser = new FeedbackRequestParser(configuration.maxItems());
        this.intake = intake;
        this.apiKeys = apiKeys;
        this.executor = executor;
        this.maxUnacknowledged = configuration.stream().maxUnacknowledged();
    }

    @OnOpen
    public void open(WebSocketSession session, HttpRequest<?> upgrade) {
        LOG.debug("Stream {} opened", session.getId());
        // StreamApiKeyFilter let the upgrade in; the key also says which sources this connection may write.
        Client client = apiKeys.requireClient(upgrade.getHeaders().get(ApiKeys.HEADER),
                upgrade.getHeaders().get(HttpHeaders.AUTHORIZATION));
        session.put(CONNECTION, new StreamConnection(session, (seq, lines) -> handle(client, seq, lines), executor,
                maxUnacknowledged));
    }

    @OnMessage(maxPayloadLength = MAX_MESSAGE_BYTES)
    public void receive(String lines, WebSocketSession session) {
        session.get(CONNECTION, StreamConnection.class).orElseThrow().receive(lines);
    }

    @OnClose
    public void close(CloseReason reason, WebSocketSession session) {
        LOG.debug("Stream {} closed: {}", session.getId(), reason);
    }

    private StreamAck handle(Client client, long seq, String lines) {
        try {
            List<FeedbackEvent> events = parser.parseLines(lines, Instant.now());
            return StreamAck.accepted(seq, intake.accept(client, events, List.of()).ids());
        } catch (ProblemException problem) {
            return StreamAck.refused(seq, problem);
        }
    }
}
