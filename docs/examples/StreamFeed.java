import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * A minimal connector for {@code /v1/stream}: reads items (one JSON object per line) from stdin, sends them in
 * messages of up to 100 lines, keeps at most 8 messages unacknowledged, and prints each acknowledgement.
 * Run with the JDK alone: {@code java docs/examples/StreamFeed.java ws://localhost:8081/v1/stream < items.ndjson},
 * the API key in the environment variable VOC_API_KEY.
 */
public class StreamFeed {

    private static final int LINES_PER_MESSAGE = 100;
    private static final int MAX_UNACKNOWLEDGED = 8;

    public static void main(String[] args) throws Exception {
        Semaphore window = new Semaphore(MAX_UNACKNOWLEDGED);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        String key = System.getenv("VOC_API_KEY");
        if (key != null) {
            builder.header("X-Api-Key", key);
        }
        WebSocket socket = connect(builder, URI.create(args[0]), new WebSocket.Listener() {
            private final StringBuilder ack = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                ack.append(data);
                if (last) {
                    System.out.println(ack);
                    ack.setLength(0);
                    window.release();
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(null);
                window.release(MAX_UNACKNOWLEDGED); // nothing more will be acknowledged: let main end
                if (statusCode != WebSocket.NORMAL_CLOSURE) {
                    System.err.println("closed by the server: " + statusCode + " " + reason);
                }
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.completeExceptionally(error);
            }
        });

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); ; line = in.readLine()) {
            if (line != null && !line.isBlank()) {
                lines.add(line);
            }
            if (!lines.isEmpty() && (line == null || lines.size() == LINES_PER_MESSAGE)) {
                window.acquire();
                socket.sendText(String.join("\n", lines), true).join();
                lines.clear();
            }
            if (line == null) {
                break;
            }
        }
        window.acquire(MAX_UNACKNOWLEDGED); // every message acknowledged
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        closed.join();
    }

    private static WebSocket connect(WebSocket.Builder builder, URI uri, WebSocket.Listener listener) {
        try {
            return builder.buildAsync(uri, listener).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                System.err.println("refused: HTTP " + refused.getResponse().statusCode() + " " + refused.getResponse().body());
                System.exit(1);
            }
            throw e;
        }
    }
}
