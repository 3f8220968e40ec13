package io.github.vocstream.localstack;

import io.github.vocstream.common.test.HttpCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that asks aggregator instances for the sentiment of settled segments, round after round, and judges each
 * answer: 200 with the settled count, or 503 with {@code Retry-After}. Anything else (another status, a wrong count, a
 * 503 that does not say when to ask again) is a violation.
 */
final class QueryWatch implements AutoCloseable {

    private final Map<String, Long> settled;
    private final List<URI> instances = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> lastStatus = new ConcurrentHashMap<>();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread thread = new Thread(this::askUntilStopped, "query-watch");

    QueryWatch(Map<String, Long> settled) {
        this.settled = Map.copyOf(settled);
    }

    QueryWatch start(URI instance) {
        instances.add(instance);
        thread.start();
        return this;
    }

    void alsoAsk(URI instance) {
        instances.add(instance);
    }

    /** No further question goes to {@code instance}; returns once the question in flight to it, if any, is answered. */
    void stopAsking(URI instance) {
        instances.remove(instance);
        synchronized (this) {
            lastStatus.keySet().removeIf(key -> key.startsWith(instance + " "));
        }
    }

    /** Whether the latest answer from every instance asked, for every segment, had this status. */
    boolean allAnswered(int status) {
        List<String> expected = new ArrayList<>();
        for (URI instance : instances) {
            settled.keySet().forEach(segment -> expected.add(instance + " " + segment));
        }
        return expected.stream().allMatch(key -> lastStatus.getOrDefault(key, -1) == status);
    }

    long answers() {
        return answers.get();
    }

    long unavailable() {
        return unavailable.get();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() {
        stopping.set(true);
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void askUntilStopped() {
        while (!stopping.get()) {
            for (URI instance : instances) {
                for (Map.Entry<String, Long> segment : settled.entrySet()) {
                    synchronized (this) {
                        if (instances.contains(instance)) {
                            ask(instance, segment.getKey(), segment.getValue());
                        }
                    }
                }
            }
        }
    }

    private void ask(URI instance, String segment, long count) {
        HttpRequest request = HttpRequest.newBuilder(instance.resolve("/v1/segments/" + segment + "/sentiment"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            violations.add(instance + " " + segment + ": no answer (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        answers.incrementAndGet();
        lastStatus.put(instance + " " + segment, response.statusCode());
        if (response.statusCode() == 200) {
            long answered = HttpCalls.json(response).get("count").longValue();
            if (answered != count) {
                violations.add(instance + " " + segment + ": count " + answered + ", settled at " + count);
            }
        } else if (response.statusCode() == 503) {
            unavailable.incrementAndGet();
            if (response.headers().firstValue("Retry-After").isEmpty()) {
                violations.add(instance + " " + segment + ": 503 without Retry-After: " + response.body());
            }
        } else {
            violations.add(instance + " " + segment + ": " + response.statusCode() + " " + response.body());
        }
    }
}
