package io.github.vocstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemePath;
import io.github.vocstream.common.event.ThemeSentiment;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.localkafka.EmbeddedKafkaBroker;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localstack.LocalSecrets;
import io.github.vocstream.localstack.ServiceProcess;
import io.github.vocstream.localstack.Services;
import io.github.vocstream.testkit.ScratchDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Throughput of one aggregator instance on a real broker: N annotated events wait in the annotated topic, then the
 * aggregator service (its own process, default settings: exactly-once; as the events wait, it is behind and commits
 * once a second) counts them in six segments each. The figure is events/s from the service being healthy to
 * {@code all} counting N. It runs twice in one go: events without themes (sentiment only), and events shaped like
 * real annotated reviews (two sentences, up to three theme mentions and two candidate terms), and prints the ratio,
 * the cost of the theme tables. Each run also
 * prints the rate of its second half: by then the JIT has compiled most of the hot code: the rate of a replay.
 * Then a second batch as large is sent while the service runs, and timed too: a burst, which the service keeps up
 * with (within 10 s), so it commits every 100 ms as for live items.
 * Usage: {@code bench/run.sh aggregator [--events N] [--threads N] [--set key=value,...]} ({@code voc.stream-threads},
 * the service's default unless given; {@code --set} passes further settings to the service, such as Streams'
 * {@code kafka.streams.default.*}).
 */
public final class AggregatorThroughput {

    private static final int PARTITIONS = 6;
    private static final String[] THEMES = {"price", "billing", "refund", "delivery", "delivery/late", "delivery/damaged",
            "quality", "support", "support/no-response", "wait-time", "usability", "bugs", "staff", "staff/attitude", "food"};
    private static final String[] TERMS = {"battery life", "loyalty program", "checkout page", "headset", "charger",
            "screen protector", "parking", "playlist", "dark mode", "gift card", "voucher", "menu board"};

    private AggregatorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        int events = Integer.parseInt(Options.option(args, "--events", "50000"));
        // Empty: the service's own default.
        String threads = Options.option(args, "--threads", "");
        Map<String, String> settings = settings(Options.option(args, "--set", ""));
        try (ScratchDirectory scratch = ScratchDirectory.create("voc-aggregator-throughput-");
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(scratch.resolve("kafka"), 0)) {
            Path work = scratch.path();
            System.out.printf(Locale.ROOT, "%d annotated events, 6 segments each, %d partitions, %s stream threads, %d cores%n",
                    events, PARTITIONS, threads.isEmpty() ? "the service's default" : threads, Runtime.getRuntime().availableProcessors());
            // Both inputs first: producing while the other run's service shuts down starved the broker of CPU.
            TopicNames plainTopics = topics(broker, events, false);
            TopicNames themedTopics = topics(broker, events, true);
            double plain = measure(root, work, broker, plainTopics, events, threads, settings, "plain");
            double themed = measure(root, work, broker, themedTopics, events, threads, settings, "themed");
            System.out.printf(Locale.ROOT, "ratio themed/plain: %.2f%n", themed / plain);
        }
    }

    /** The topics of one run, its annotated events waiting in them. */
    private static TopicNames topics(EmbeddedKafkaBroker broker, int events, boolean themed) {
        String run = themed ? "themed" : "plain";
        TopicNames topics = new TopicNames("raw-" + run, "annotated-" + run, "dlq-" + run);
        TopicAdmin.ensureTopics(broker.bootstrapServers(), PARTITIONS, topics.all());
        send(broker.bootstrapServers(), topics.annotated(), written(0, events, themed));
        return topics;
    }

    /** {@code --set key=value,key=value}: further settings of the service, as in its configuration. */
    private static Map<String, String> settings(String option) {
        Map<String, String> settings = new TreeMap<>();
        for (String setting : option.split(",")) {
            if (!setting.isBlank()) {
                String[] keyAndValue = setting.split("=", 2);
                settings.put(keyAndValue[0].strip(), keyAndValue[1].strip());
            }
        }
        return settings;
    }

    private static double measure(Path root, Path work, EmbeddedKafkaBroker broker, TopicNames topics, int events, String threads,
                                  Map<String, String> settings, String run) throws Exception {
        Map<String, String> configuration = new TreeMap<>(settings);
        configuration.put("kafka.streams.default.application.id", "aggregator-" + run);
        if (!threads.isEmpty()) {
            configuration.put("voc.stream-threads", threads);
        }
        // As in a service that has run for a day: every subject past its warm-up, so the alerts' detectors score
        // every mention (the run's hour of event time alone would leave them all young, which skips that work).
        configuration.putIfAbsent("voc.alerts.warm-up", "0s");

        ServiceProcess.Spec aggregator = Services.specs(broker.bootstrapServers(), topics, new Services.Ports(0, 0, 18_083),
                work.resolve("state-" + run), configuration, null, LocalSecrets.random()).get(2);
        try (ServiceProcess service = ServiceProcess.start(root, aggregator, work.resolve("logs-" + run))) {
            service.awaitHealthy(Duration.ofMinutes(3));
            long start = System.nanoTime();
            Duration cpuAtStart = CpuTime.ofProcess(service.pid());
            Duration cpuAtHalf = Duration.ZERO;
            URI all = service.baseUri().resolve("/v1/segments/all/sentiment");
            HttpClient client = HttpClient.newHttpClient();
            // Asked every 200 ms: fine enough for runs of several seconds, light enough not to compete.
            long counted;
            long halfAt = 0;
            long halfCount = 0;
            long lastPrint = start;
            while ((counted = countOf(client, all)) < events) {
                long now = System.nanoTime();
                if (halfAt == 0 && counted >= events / 2) {
                    halfAt = now;
                    halfCount = counted;
                    cpuAtHalf = CpuTime.ofProcess(service.pid());
                }
                if (now - lastPrint > 5_000_000_000L) {
                    System.out.printf(Locale.ROOT, "  %s: %d counted after %.1f s%n", run, counted, (now - start) / 1e9);
                    lastPrint = now;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            long end = System.nanoTime();
            Duration cpuAtEnd = CpuTime.ofProcess(service.pid());
            double seconds = (end - start) / 1e9;
            double rate = events / seconds;
            double secondHalf = (events - halfCount) / ((end - halfAt) / 1e9);
            System.out.printf(Locale.ROOT, "%-6s: %.0f events/s (%d events in %.1f s), second half %.0f events/s%n", run, rate, events,
                    seconds, secondHalf);
            // The service's own CPU without the JIT compiler: steadier than the rates, which share the cores with the broker.
            double cpuSeconds = seconds(cpuAtEnd.minus(cpuAtStart));
            double cpuSecondHalf = seconds(cpuAtEnd.minus(cpuAtHalf));
            System.out.printf(Locale.ROOT, "%-6s  service CPU (no JIT) %.1f s, %.0f events per CPU-second; second half %.1f s, %.0f per CPU-second%n",
                    "", cpuSeconds, events / cpuSeconds, cpuSecondHalf, (events - halfCount) / cpuSecondHalf);
            warm(broker, topics, events, run.equals("themed"), service, client, all);
            return rate;
        }
    }

    /**
     * A second batch as large, sent while the service runs: both steps (counting once by id, then by segment) now run
     * compiled code, and the JIT compiler, which took more CPU than the stream thread in the first batch, is mostly
     * done. The rate from the first send to the last count is that of a burst the service keeps up with; sending
     * shares the cores with it, so it is, if anything, low.
     */
    private static void warm(EmbeddedKafkaBroker broker, TopicNames topics, int events, boolean themed, ServiceProcess service,
                             HttpClient client, URI all) throws Exception {
        // Written before the clock starts: writing them as JSON was half of this program's CPU while it sent, which is
        // the sentiment service's work and, where it runs, on other cores.
        List<Map.Entry<String, byte[]>> batch = written(events, events, themed);
        long start = System.nanoTime();
        Duration cpuAtStart = CpuTime.ofProcess(service.pid());
        Duration brokerAtStart = CpuTime.ofThisProcess();
        send(broker.bootstrapServers(), topics.annotated(), batch);
        double sentAfter = (System.nanoTime() - start) / 1e9;
        while (countOf(client, all) < 2L * events) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-6s  warm: all sent after %.1f s, all counted after %.1f s%n", "", sentAfter, seconds);
        double cpuSeconds = seconds(CpuTime.ofProcess(service.pid()).minus(cpuAtStart));
        double brokerSeconds = seconds(CpuTime.ofThisProcess().minus(brokerAtStart));
        System.out.printf(Locale.ROOT, "%-6s  warm, %d more sent while it runs: %.0f events/s; service CPU (no JIT) %.1f s, %.0f events per CPU-second%n",
                "", events, events / seconds, cpuSeconds, events / cpuSeconds);
        // The rest of the two cores: what the service's rate on them is bound by besides its own work.
        System.out.printf(Locale.ROOT, "%-6s  warm: broker and load program CPU %.1f s (%.0f us per event), of %.1f s on %d cores%n",
                "", brokerSeconds, brokerSeconds * 1e6 / events, seconds * Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static long countOf(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return -1;
        }
        JsonNode body = Json.mapper().readTree(response.body());
        return body.get("count").longValue();
    }

    /** Events {@code first} to {@code first + events - 1}, spread over the last hour of event time, as JSON by id. */
    private static List<Map.Entry<String, byte[]>> written(int first, int events, boolean themed) {
        var serde = JsonSerde.of(AnnotatedFeedback.class);
        Random random = new Random(42 + first);
        Instant start = Instant.now().minus(Duration.ofHours(1));
        List<Map.Entry<String, byte[]>> written = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            AnnotatedFeedback feedback = feedback(first + i, start.plusMillis(i * 3_600_000L / events), themed, random);
            written.add(Map.entry(feedback.id(), serde.serialize(null, feedback)));
        }
        return written;
    }

    private static void send(String bootstrap, String topic, List<Map.Entry<String, byte[]>> records) {
        // Not idempotent: on this embedded broker the idempotent producer lost its sequence numbers now and then
        // (OutOfOrderSequenceException, then stuck). One request in flight keeps the order; a retry may only repeat.
        try (var producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()));
            }
            producer.flush();
        }
    }

    private static AnnotatedFeedback feedback(int i, Instant at, boolean themed, Random random) {
        String first = "The " + THEMES[random.nextInt(THEMES.length)] + " was not what I expected at all.";
        String second = " Otherwise a fine experience, and I would come back.";
        String text = first + second;
        Map<String, String> segments = Map.of("region", "r" + random.nextInt(5), "plan", "p" + random.nextInt(3),
                "product", "x" + random.nextInt(20));
        FeedbackEvent event = new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, "bench:" + i, "bench", Integer.toString(i),
                Channel.REVIEW, text, null, "en", null, null, at, at, segments, List.of());
        double score = random.nextDouble() * 2 - 1;
        SentimentLabel label = score < -0.1 ? SentimentLabel.NEGATIVE : score > 0.1 ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
        List<ThemeMention> mentions = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        if (themed) {
            for (int m = random.nextInt(4); m > 0; m--) {
                mentions.add(new ThemeMention(THEMES[random.nextInt(THEMES.length)], 4, 10, label, score));
            }
            for (int c = random.nextInt(3); c > 0; c--) {
                candidates.add(TERMS[random.nextInt(TERMS.length)]);
            }
        }
        List<Double> probabilities = List.of(0.1, 0.2, 0.4, 0.2, 0.1);
        List<SentenceSentiment> sentences = List.of(
                new SentenceSentiment(0, first.length(), 2, probabilities, score, mentions, candidates),
                new SentenceSentiment(first.length() + 1, text.length(), 3, probabilities, 0.3, List.of(), List.of()));
        List<ThemeSentiment> themes = mentions.stream().flatMap(m -> ThemePath.selfAndAncestors(m.theme()).stream()).distinct()
                .map(theme -> new ThemeSentiment(theme, 1, label, score)).toList();
        return new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION, event, new DocumentSentiment(label, score),
                sentences, themes, at);
    }
}
