package io.github.vocstream.ingest.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.kafka.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A connector's side of {@code /v1/stream}, with the JDK's WebSocket client: sends messages, collects the acks. */
public final class StreamClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final BlockingQueue<JsonNode> acks = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private final WebSocket socket;

    private StreamClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects to {@code uri} (ws://...), or throws with the refused handshake as the cause. */
    public static StreamClient connect(URI uri, Map<String, String> headers) {
        return new StreamClient(uri, headers);
    }

    /** {@code http://host:port/path} as {@code ws://host:port/path}. */
    public static URI webSocketUri(URI http) {
        return URI.create("ws" + http.toString().substring("http".length()));
    }

    /** Sends one message; a connection the server has closed meanwhile is left for {@link #awaitClose} to report. */
    public void send(String message) {
        try {
            socket.sendText(message, true).join();
        } catch (CompletionException e) {
            if (!isClosed()) {
                throw e;
            }
        }
    }

    /** The next acknowledgement, failing after 30 s without one. */
    public JsonNode nextAck() throws InterruptedException {
        JsonNode ack = acks.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (ack == null) {
            throw new AssertionError("no acknowledgement within " + WAIT);
        }
        return ack;
    }

    public boolean isClosed() {
        return closedWith.isDone() || socket.isOutputClosed();
    }

    /** The close code the server ended the connection with, failing after 30 s if it stays open. */
    public int awaitClose() throws Exception {
        return closedWith.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    acks.add(Json.mapper().readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedWith.completeExceptionally(error);
        }
    }
}
