package io.github.vocstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.localkafka.EmbeddedKafkaBroker;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localstack.LocalSecrets;
import io.github.vocstream.localstack.ServiceProcess;
import io.github.vocstream.localstack.Services;
import io.github.vocstream.testkit.ScratchDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * How fresh the live API is: the three services as processes on a real broker, a client following one segment's
 * {@code /live} stream, and {@code --probes} items posted one at a time. Per probe, the time from posting to the
 * summary that counts it, and from the 202 to that summary: ingest, the sentiment service, the aggregator's topology
 * and the stream's 250 ms check all included. With {@code --load R}, other items arrive meanwhile at R items/s (in
 * batches every 100 ms, in segments of their own), so that the probes measure freshness under a steady load.
 * Usage: {@code bench/run.sh live [--probes N] [--load R]}.
 */
public final class LiveFreshness {

    private static final String KEY = "bench-" + UUID.randomUUID();
    private static final int WARM_UP_ITEMS = 50;
    /** The load runs at least this long before the first probe, as it did when this was the only wait. */
    private static final int MIN_LOAD_SECONDS = 10;

    private LiveFreshness() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        int probes = Integer.parseInt(Options.option(args, "--probes", "30"));
        int load = Integer.parseInt(Options.option(args, "--load", "0"));
        try (ScratchDirectory work = ScratchDirectory.create("voc-live-freshness-")) {
            run(work.path(), root, probes, load);
        }
    }

    private static void run(Path work, Path root, int probes, int load) throws Exception {
        List<ServiceProcess> services = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0)) {
            TopicNames topics = new TopicNames("raw-live", "annotated-live", "dlq-live");
            TopicAdmin.ensureTopics(broker.bootstrapServers(), 3, topics.all());
            for (var spec : Services.specs(broker.bootstrapServers(), topics, new Services.Ports(18_181, 18_182, 18_183),
                    work.resolve("aggregator-state"), Map.of(), KEY, LocalSecrets.random())) {
                services.add(ServiceProcess.start(root, spec, work.resolve("logs")));
            }
            services.forEach(service -> service.awaitHealthy(Duration.ofMinutes(3)));
            URI ingest = services.get(0).baseUri();
            URI aggregator = services.get(2).baseUri();
            String segment = "probe:" + UUID.randomUUID().toString().substring(0, 8);
            HttpClient client = HttpClient.newHttpClient();

            // Warm up the JITs of all three services on another segment first.
            for (int i = 0; i < WARM_UP_ITEMS; i++) {
                post(client, ingest, "warm-" + i, "warm:up");
            }
            ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
            AtomicLong loaded = new AtomicLong();
            if (load > 0) {
                int perTick = Math.max(1, load / 10);
                background.scheduleAtFixedRate(() -> postLoad(client, ingest, loaded, perTick), 0, 100, TimeUnit.MILLISECONDS);
                awaitSteadyState(client, aggregator, loaded, load);
            }
            BlockingQueue<Long> counts = follow(client, aggregator.resolve("/v1/segments/" + segment + "/live"));
            List<Long> fromPost = new ArrayList<>();
            List<Long> from202 = new ArrayList<>();
            for (int probe = 1; probe <= probes; probe++) {
                long posted = System.nanoTime();
                post(client, ingest, segment + "-" + probe, segment);
                long accepted = System.nanoTime();
                awaitCount(counts, probe);
                long seen = System.nanoTime();
                fromPost.add(seen - posted);
                from202.add(seen - accepted);
            }
            background.shutdownNow();
            System.out.printf(Locale.ROOT, "live freshness, %d probes one at a time, %s (ms): post to summary p50 %.0f, p90 %.0f, p99 %.0f, max %.0f;"
                            + " 202 to summary p50 %.0f, p90 %.0f, p99 %.0f, max %.0f%n", probes,
                    load == 0 ? "no other load" : "under " + load + " items/s (" + loaded.get() + " items)",
                    ms(fromPost, 0.5), ms(fromPost, 0.9), ms(fromPost, 0.99), ms(fromPost, 1.0),
                    ms(from202, 0.5), ms(from202, 0.9), ms(from202, 0.99), ms(from202, 1.0));
            // Which probes were slowest: the first pays for the live stream's first summary.
            List<Integer> slowest = java.util.stream.IntStream.range(0, probes).boxed()
                    .sorted((a, b) -> Long.compare(from202.get(b), from202.get(a))).limit(3).toList();
            System.out.printf(Locale.ROOT, "slowest probes (202 to summary): %s%n", slowest.stream()
                    .map(i -> String.format(Locale.ROOT, "#%d %.0f ms", i + 1, from202.get(i) / 1e6)).toList());
        } finally {
            services.forEach(ServiceProcess::close);
        }
    }

    /**
     * Waits until the pipeline has caught up with the load: at most a second of it not yet counted. Freshly started
     * services fall behind in the load's first seconds (the sentiment service's models still warming), and probes
     * posted then measured how long that backlog took to drain (2-5 s for the first three on 2026-11-30, whether the
     * aggregator committed every 100 ms or every second), not freshness under a steady load.
     */
    private static void awaitSteadyState(HttpClient client, URI aggregator, AtomicLong loaded, int load) throws Exception {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(3);
        URI all = aggregator.resolve("/v1/segments/all/sentiment");
        while (true) {
            long posted = WARM_UP_ITEMS + loaded.get();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(all).build(), HttpResponse.BodyHandlers.ofString());
            long counted = response.statusCode() == 200 ? Json.mapper().readTree(response.body()).get("count").longValue() : 0;
            long elapsed = System.nanoTime() - started;
            if (counted >= posted - load && elapsed >= TimeUnit.SECONDS.toNanos(MIN_LOAD_SECONDS)) {
                System.out.printf(Locale.ROOT, "caught up with the load after %.1f s (%d of %d items counted)%n", elapsed / 1e9,
                        counted, posted);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not catch up with " + load + " items/s within 3 minutes: "
                        + counted + " of " + posted + " items counted");
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /** One tick of the background load: {@code items} reviews in one request, each in a segment of its own product. */
    private static void postLoad(HttpClient client, URI ingest, AtomicLong loaded, int items) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < items; i++) {
            long n = loaded.getAndIncrement();
            body.append(i == 0 ? "" : ",").append("{\"source\":\"bench\",\"externalId\":\"load-").append(n)
                    .append("\",\"channel\":\"review\",\"text\":\"The refund took six weeks and nobody answered my emails.\",")
                    .append("\"segments\":{\"product\":\"load-").append(n % 50).append("\"}}");
        }
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(ingest.resolve("/v1/feedback"))
                    .header("Content-Type", "application/json").header("X-Api-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body.append("]").toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                System.err.println("load: ingest answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            System.err.println("load: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void post(HttpClient client, URI ingest, String externalId, String segment) throws Exception {
        String[] parts = segment.split(":", 2);
        String body = "{\"source\":\"bench\",\"externalId\":\"" + externalId + "\",\"channel\":\"review\","
                + "\"text\":\"The parcel arrived late and the box was damaged.\",\"segments\":{\"" + parts[0] + "\":\"" + parts[1] + "\"}}";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(ingest.resolve("/v1/feedback"))
                .header("Content-Type", "application/json").header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The counts of the segment's summaries, as they arrive on its live stream. */
    private static BlockingQueue<Long> follow(HttpClient client, URI live) throws Exception {
        BlockingQueue<Long> counts = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(live).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            boolean summary = false;
            try {
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.startsWith("event:")) {
                        summary = line.substring(6).strip().equals("summary");
                    } else if (line.startsWith("data:") && summary) {
                        JsonNode node = Json.mapper().readTree(line.substring(5));
                        counts.add(node.get("sentiment").get("count").longValue());
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // The services stopped at the end of the run.
            }
        }, "live-follower");
        reader.setDaemon(true);
        reader.start();
        return counts;
    }

    private static void awaitCount(BlockingQueue<Long> counts, long expected) throws InterruptedException {
        while (true) {
            Long count = counts.poll(60, TimeUnit.SECONDS);
            if (count == null) {
                throw new IllegalStateException("no summary counting " + expected + " within 60 s");
            }
            if (count >= expected) {
                return;
            }
        }
    }

    private static double ms(List<Long> nanos, double quantile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
