package io.github.vocstream.benchmarks;

import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.localkafka.EmbeddedKafkaBroker;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localstack.LocalSecrets;
import io.github.vocstream.localstack.ServiceProcess;
import io.github.vocstream.localstack.Services;
import io.github.vocstream.testkit.ScratchDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The ingest service on a real broker, as a client sees it: {@code --clients} concurrent clients post to
 * {@code POST /v1/feedback} for {@code --seconds}, first single items, then batches of 100; the figures are requests
 * and items per second and the 50th and 99th percentile of the time to the 202, which comes only after the request's
 * Kafka transaction is committed (acks=all). The service runs as a process with its shipped settings (rate limit off).
 * The clients are {@link KeepAliveConnection}s, or with {@code --client jdk} java.net.http's client, which costs
 * several times the service's CPU per request on the same cores.
 * Usage: {@code bench/run.sh ingest [--clients N] [--seconds S] [--publishers N] [--client keep-alive|jdk]}.
 */
public final class IngestThroughput {

    private IngestThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        int clients = Integer.parseInt(Options.option(args, "--clients", "16"));
        int seconds = Integer.parseInt(Options.option(args, "--seconds", "20"));
        String publishers = Options.option(args, "--publishers", "1");
        boolean jdkClient = Options.option(args, "--client", "keep-alive").equals("jdk");
        try (ScratchDirectory scratch = ScratchDirectory.create("voc-ingest-throughput-");
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(scratch.resolve("kafka"), 0)) {
            Path work = scratch.path();
            TopicNames topics = new TopicNames("raw-ingest", "annotated-ingest", "dlq-ingest");
            TopicAdmin.ensureTopics(broker.bootstrapServers(), 6, topics.all());
            ServiceProcess.Spec ingest = Services.specs(broker.bootstrapServers(), topics, new Services.Ports(18_081, 0, 0),
                    work.resolve("unused"), Map.of("voc.ingest.open", "true", "voc.ingest.rate-limit.items-per-second", "0",
                            "voc.ingest.publishers", publishers),
                    null, LocalSecrets.random()).get(0);
            try (ServiceProcess service = ServiceProcess.start(root, ingest, work.resolve("logs"))) {
                service.awaitHealthy(Duration.ofMinutes(2));
                System.out.printf(Locale.ROOT, "%d clients (%s), %d s each, %s transactional producers, 6 partitions, %d cores%n",
                        clients, jdkClient ? "java.net.http" : "keep-alive sockets", seconds, publishers,
                        Runtime.getRuntime().availableProcessors());
                URI uri = service.baseUri().resolve("/v1/feedback");
                // As long as a run: the JIT compiles the request path for tens of seconds, and a half-compiled service costs more CPU.
                run("warm-up", uri, clients, seconds, 1, service.pid(), jdkClient);
                System.out.println(run("single items", uri, clients, seconds, 1, service.pid(), jdkClient));
                System.out.println(run("100-item batches", uri, clients, seconds, 100, service.pid(), jdkClient));
            }
        }
    }

    private static String run(String name, URI uri, int clients, int seconds, int itemsPerRequest, long servicePid,
                              boolean jdkClient) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        Duration serviceCpuAtStart = CpuTime.ofProcess(servicePid);
        Duration ownCpuAtStart = CpuTime.ofThisProcess();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long failed = 0;
                try (KeepAliveConnection connection = new KeepAliveConnection(uri)) {
                    while (System.nanoTime() < end) {
                        String body = body(name, next.getAndIncrement(), itemsPerRequest);
                        long sent = System.nanoTime();
                        int status = jdkClient
                                ? http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                : connection.post(uri.getPath(), body.getBytes(StandardCharsets.UTF_8));
                        if (status == 202) {
                            latencies.add(System.nanoTime() - sent);
                        } else {
                            failed++;
                        }
                    }
                }
                long[] out = new long[latencies.size() + 1];
                out[0] = failed;
                for (int i = 0; i < latencies.size(); i++) {
                    out[i + 1] = latencies.get(i);
                }
                return out;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        long failed = 0;
        for (Future<long[]> result : results) {
            long[] out = result.get();
            failed += out[0];
            for (int i = 1; i < out.length; i++) {
                latencies.add(out[i]);
            }
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        // The service's own CPU per request says what a core of it serves, apart from the broker and the load program
        // (this JVM), which share the two cores here.
        double serviceCpuMs = CpuTime.ofProcess(servicePid).minus(serviceCpuAtStart).toNanos() / 1e6;
        double ownCpuMs = CpuTime.ofThisProcess().minus(ownCpuAtStart).toNanos() / 1e6;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double perRequest = serviceCpuMs / Math.max(1, sorted.length);
        return String.format(Locale.ROOT, "%-16s %8.0f requests/s %9.0f items/s   202 in p50 %.1f ms, p99 %.1f ms   (%d requests, %d not 202)%n"
                        + "%-16s service CPU (no JIT) %.2f ms per request (%.0f requests/s per core); broker and load program %.2f ms",
                name, sorted.length / elapsed, sorted.length * itemsPerRequest / elapsed, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, sorted.length, failed,
                "", perRequest, 1000 / perRequest, ownCpuMs / Math.max(1, sorted.length));
    }

    private static double percentile(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String body(String run, int request, int items) {
        String each = IntStream.range(0, items).mapToObj(i -> "{\"source\":\"bench\",\"externalId\":\"" + run.replace(' ', '-')
                + "-" + request + "-" + i + "\",\"channel\":\"ticket\",\"text\":\"The refund took six weeks and nobody answered.\"}")
                .collect(Collectors.joining(","));
        return items == 1 ? each : "[" + each + "]";
    }
}
