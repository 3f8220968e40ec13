package io.github.vocstream.localstack;

import io.github.vocstream.common.kafka.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts feedback to the ingest API at a steady pace, as a connector would: each batch is sent again, with the same
 * ids, until ingest answers 202, however often it is down or answers 503 in between. It knows every id it had
 * acknowledged and the segments it gave it, which is what the crash tier recounts against.
 */
final class FeedbackLoad implements AutoCloseable {

    /** Texts whose themes the default taxonomy knows, complaints and praise. */
    private static final List<String> TEXTS = List.of(
            "The parcel arrived late again.",
            "The staff were friendly and helpful.",
            "My refund has still not arrived after three weeks.",
            "Checkout was quick and the prices are fair.",
            "The app crashes every time I open my basket.",
            "Support answered within minutes and solved it.");
    static final int SHOPS = 4;
    /** Every tenth batch is delivered twice, so that counting once is tested on every run, crash or no crash. */
    private static final int REDELIVER_EVERY = 10;

    private final URI feedbackUri;
    private final String apiKey;
    private final String run;
    private final int batchSize;
    private final Duration pace;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();
    private final Thread thread;
    private volatile Throwable failure;

    FeedbackLoad(URI ingest, String apiKey, String run, int batchSize, Duration pace) {
        this.feedbackUri = ingest.resolve("/v1/feedback");
        this.apiKey = apiKey;
        this.run = run;
        this.batchSize = batchSize;
        this.pace = pace;
        this.thread = new Thread(this::sendUntilStopped, "feedback-load");
    }

    FeedbackLoad start() {
        thread.start();
        return this;
    }

    /** Every acknowledged id, with the shop segment it was given. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** Attempts that got no 202 (connection refused, 503, timeouts), each followed by a retry of the same items. */
    long refused() {
        return refused.get();
    }

    /** Items delivered a second time after their 202. */
    long redelivered() {
        return redelivered.get();
    }

    /** Stops after the batch in flight is acknowledged. */
    @Override
    public void close() {
        stopping.set(true);
        try {
            thread.join(Duration.ofMinutes(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new AssertionError("the load failed", failure);
        }
    }

    private void sendUntilStopped() {
        try {
            for (int batch = 0; !stopping.get(); batch++) {
                long next = System.nanoTime() + pace.toNanos();
                Map<String, String> items = new LinkedHashMap<>();
                List<Map<String, Object>> body = new ArrayList<>();
                for (int i = 0; i < batchSize; i++) {
                    int n = batch * batchSize + i;
                    String externalId = run + "-" + n;
                    String shop = "s" + (n % SHOPS);
                    items.put("crash:" + externalId, shop);
                    body.add(Map.of("source", "crash", "externalId", externalId, "channel", "ticket",
                            "text", TEXTS.get(n % TEXTS.size()), "segments", Map.of("shop", shop, "run", run)));
                }
                String json = Json.mapper().writeValueAsString(body);
                sendUntilAcknowledged(json);
                acknowledged.putAll(items);
                if (batch % REDELIVER_EVERY == 0) {
                    // As a platform retries a webhook whose answer it never got: the same items, already acknowledged.
                    sendUntilAcknowledged(json);
                    redelivered.addAndGet(items.size());
                }
                LockSupport.parkNanos(next - System.nanoTime());
            }
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void sendUntilAcknowledged(String json) {
        HttpRequest request = HttpRequest.newBuilder(feedbackUri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        while (true) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return;
                }
                if (response.statusCode() != 503) {
                    throw new AssertionError("ingest answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                // Ingest is down or died mid-request: the request may or may not have been published; send it again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            refused.incrementAndGet();
            // A connector's retry interval, not a wait for something to happen.
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
