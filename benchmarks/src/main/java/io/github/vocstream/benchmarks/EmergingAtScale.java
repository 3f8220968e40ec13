package io.github.vocstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.aggregator.topology.AggregatorConfiguration;
import io.github.vocstream.aggregator.topology.AggregatorTopology;
import io.github.vocstream.aggregator.topology.CandidateStats;
import io.github.vocstream.aggregator.topology.EmergingRanking;
import io.github.vocstream.aggregator.topology.Evidence;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.testkit.ConsumerGroupProgress;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code /emerging} at the size a busy segment reaches in a month: {@code --terms} distinct candidate terms (four new
 * ones per item, and now and then a term from a burst that runs a few hours), over 30 simulated days, counted by the
 * aggregator as a process on a real broker. Prints the endpoint's requests/s, p50 and p99 under {@code --clients}
 * concurrent clients, the candidate and index stores' size on disk, and whether the endpoint lists the same terms, in
 * the same order, as scoring every term of the same mentions in this program. Usage:
 * {@code bench/run.sh emerging [--terms N] [--clients N] [--seconds S] [--cache 1s|0s]}; with {@code --cache 0s} every
 * request works its answer out.
 */
public final class EmergingAtScale {

    private static final int NEW_TERMS_PER_ITEM = 4;

    private EmergingAtScale() {
    }

    /** One mention of a candidate term, as the aggregator counts it. */
    private record Mention(String term, Instant at) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        int terms = Integer.parseInt(Options.option(args, "--terms", "200000"));
        int clients = Integer.parseInt(Options.option(args, "--clients", "16"));
        int seconds = Integer.parseInt(Options.option(args, "--seconds", "15"));
        // voc.query.emerging-cache: the shipped 1s, or 0s to work out every answer.
        String cache = Options.option(args, "--cache", "1s");
        int items = terms / NEW_TERMS_PER_ITEM;
        try (ScratchDirectory scratch = ScratchDirectory.create("voc-emerging-at-scale-");
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(scratch.resolve("kafka"), 0)) {
            Path work = scratch.path();
            TopicNames topics = new TopicNames("raw-emerging", "annotated-emerging", "dlq-emerging", "alerts-emerging");
            TopicAdmin.ensureTopics(broker.bootstrapServers(), 3, topics.all());
            List<Mention> mentions = produce(broker.bootstrapServers(), topics.annotated(), items);

            Path state = work.resolve("state");
            ServiceProcess.Spec aggregator = Services.specs(broker.bootstrapServers(), topics, new Services.Ports(0, 0, 18_283),
                    state, Map.of("kafka.streams.default.application.id", "aggregator-emerging", "voc.query.emerging-cache", cache),
                    null, LocalSecrets.random()).get(2);
            try (ServiceProcess service = ServiceProcess.start(root, aggregator, work.resolve("logs"))) {
                service.awaitHealthy(Duration.ofMinutes(3));
                HttpClient client = HttpClient.newHttpClient();
                long start = System.nanoTime();
                while (countOf(client, service.baseUri().resolve("/v1/segments/all/sentiment")) < items) {
                    TimeUnit.MILLISECONDS.sleep(500);
                }
                // "all" is one segment of several: the others may still be counting, on the same thread and cores.
                while (!ConsumerGroupProgress.caughtUp(broker.bootstrapServers(), "aggregator-emerging", topics.annotated())
                        || !ConsumerGroupProgress.caughtUp(broker.bootstrapServers(), "aggregator-emerging",
                        "aggregator-emerging" + AggregatorTopology.BY_SEGMENT_TOPIC_SUFFIX)) {
                    TimeUnit.MILLISECONDS.sleep(500);
                }
                System.out.printf(Locale.ROOT, "%d items with %d distinct candidate terms counted in %.0f s%n", items,
                        mentions.stream().map(Mention::term).distinct().count(), (System.nanoTime() - start) / 1e9);

                URI emerging = service.baseUri().resolve("/v1/segments/all/emerging?limit=20");
                List<String> listed = termsOf(client, emerging);
                List<String> exhaustive = exhaustive(mentions);
                System.out.printf(Locale.ROOT, "agreement with scoring every term: %s (endpoint %s, exhaustive %s)%n",
                        listed.equals(exhaustive) ? "same terms, same order" : "DIFFERENT", listed, exhaustive);
                // Both endpoints warmed up first, so that the one measured second does not inherit the JIT's work.
                URI sentiment = service.baseUri().resolve("/v1/segments/all/sentiment");
                load(client, emerging, clients, 5, false);
                load(client, sentiment, clients, 5, false);
                double emergingP99 = load(client, emerging, clients, seconds, true);
                // The same load on the cheapest endpoint of the same segment: what the HTTP stack and the client cost.
                double sentimentP99 = load(client, sentiment, clients, seconds, true);
                System.out.printf(Locale.ROOT, "p99 /emerging over p99 /sentiment: %.2f%n", emergingP99 / sentimentP99);
                System.out.printf(Locale.ROOT, "on disk: segment-candidates %.1f MB, segment-emerging %.3f MB (all state %.1f MB)%n",
                        sizeOf(state, "segment-candidates") / 1e6, sizeOf(state, "segment-emerging") / 1e6, sizeOf(state, null) / 1e6);
            }
        }
    }

    /** A month of items, in event-time order; returns every candidate mention they carry. */
    private static List<Mention> produce(String bootstrap, String topic, int items) {
        var serde = JsonSerde.of(AnnotatedFeedback.class);
        Random random = new Random(42);
        Instant start = Instant.now().minus(Duration.ofDays(30));
        long step = Duration.ofDays(30).toMillis() / items;
        List<Mention> mentions = new ArrayList<>();
        int fresh = 0;
        try (var producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < items; i++) {
                Instant at = start.plusMillis(i * step);
                List<String> candidates = new ArrayList<>();
                for (int t = 0; t < NEW_TERMS_PER_ITEM; t++) {
                    candidates.add("term " + fresh++);
                }
                // Two bursts a day, each a few hours of one term said far more than usual.
                if (random.nextDouble() < 0.3) {
                    candidates.add("burst " + (i * 2 * 30 / items + random.nextInt(2)));
                }
                candidates.forEach(term -> mentions.add(new Mention(term, at)));
                AnnotatedFeedback feedback = feedback(i, at, candidates);
                producer.send(new ProducerRecord<>(topic, feedback.id(), serde.serialize(topic, feedback)));
            }
            producer.flush();
        }
        return mentions;
    }

    private static AnnotatedFeedback feedback(int i, Instant at, List<String> candidates) {
        String text = "An item about nothing in particular, number " + i + ".";
        FeedbackEvent event = new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, "bench:" + i, "bench", Integer.toString(i),
                Channel.REVIEW, text, null, "en", null, null, at, at, Map.of(), List.of());
        List<SentenceSentiment> sentences = List.of(new SentenceSentiment(0, text.length(), 2, List.of(0.1, 0.2, 0.4, 0.2, 0.1), 0,
                List.of(), candidates));
        return new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION, event, new DocumentSentiment(SentimentLabel.NEUTRAL, 0),
                sentences, List.of(), at);
    }

    /** The top 20 when every term of {@code mentions} is scored, as the aggregator's defaults score them. */
    private static List<String> exhaustive(List<Mention> mentions) {
        AggregatorConfiguration configuration = AggregatorConfiguration.defaults();
        Map<String, CandidateStats> all = new HashMap<>();
        Instant asOf = null;
        for (Mention mention : mentions) {
            Evidence shown = new Evidence("bench", mention.at(), "", SentimentLabel.NEUTRAL, 0);
            all.put(mention.term(), all.getOrDefault(mention.term(), CandidateStats.empty()).add(mention.at(), shown,
                    configuration.emergingRecent(), configuration.emergingBaseline(), 1));
            asOf = asOf == null || mention.at().isAfter(asOf) ? mention.at() : asOf;
        }
        return EmergingRanking.rank(all, asOf, configuration, 20).stream().map(EmergingRanking.Ranked::term).toList();
    }

    /** Prints the figures of {@code clients} asking {@code uri} in a loop for {@code seconds}, and returns the p99 in ms. */
    private static double load(HttpClient client, URI uri, int clients, int seconds, boolean print) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(uri.getPath() + " answered " + response.statusCode());
                    }
                    latencies.add(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        List<Long> sorted = latencies.stream().sorted().toList();
        double p99 = sorted.get((int) (sorted.size() * 0.99)) / 1e6;
        if (print) {
            System.out.printf(Locale.ROOT, "%s, %d clients for %d s: %.0f requests/s, p50 %.1f ms, p99 %.1f ms%n", uri.getPath(),
                    clients, seconds, sorted.size() / (double) seconds, sorted.get(sorted.size() / 2) / 1e6, p99);
        }
        return p99;
    }

    private static List<String> termsOf(HttpClient client, URI uri) throws IOException, InterruptedException {
        JsonNode body = Json.mapper().readTree(client.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> terms = new ArrayList<>();
        body.get("terms").forEach(term -> terms.add(term.get("term").textValue()));
        return terms;
    }

    private static long countOf(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Json.mapper().readTree(response.body()).get("count").longValue() : -1;
    }

    /** Bytes under {@code dir} in folders named {@code store} (anywhere below), or all of them when it is null. */
    private static long sizeOf(Path dir, String store) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> store == null || file.toString().contains("/" + store + "/"))
                    .mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
