package io.github.vocstream.benchmarks;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.Topics;
import io.github.vocstream.localkafka.EmbeddedKafkaBroker;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localstack.LocalSecrets;
import io.github.vocstream.localstack.SampleReviews;
import io.github.vocstream.localstack.ServiceProcess;
import io.github.vocstream.localstack.Services;
import io.github.vocstream.testkit.ScratchDirectory;
import io.github.vocstream.sentiment.language.LanguageConfiguration;
import io.github.vocstream.sentiment.language.LanguageIdentifier;
import io.github.vocstream.sentiment.nlp.SentimentConfiguration;
import io.github.vocstream.sentiment.nlp.SentimentPipeline;
import io.github.vocstream.sentiment.stream.FeedbackAnnotator;
import io.github.vocstream.sentiment.stream.Outcome;
import io.github.vocstream.taxonomy.TaxonomyLoader;
import io.github.vocstream.testkit.ConsumerGroupProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end throughput of the sentiment service on a real broker, against the same annotation in this process. First
 * the service's own annotator ({@link FeedbackAnnotator}, built as the service builds it) annotates the N raw events
 * here on as many threads as the service uses, after the same warm-up; then N raw events wait in the raw topic and one
 * (or two) service processes in one consumer group annotate them: records/s from the first instance being healthy to
 * the group having committed every record, each process's resident memory, and the ratio to the in-process figure.
 * Usage: {@code bench/run.sh sentiment-service [--instances 1,2] [--threads N] [--limit N]}.
 */
public final class SentimentServiceThroughput {

    private static final int PARTITIONS = 6;
    /** As many as the service annotates before it joins its group ({@code voc.sentiment.warm-up-documents}). */
    private static final int WARM_UP_DOCUMENTS = 200;

    private SentimentServiceThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        List<SampleReviews.Review> reviews = SampleReviews.read(root.resolve("data/reviews"));
        int limit = Integer.parseInt(Options.option(args, "--limit", Integer.toString(reviews.size())));
        reviews = reviews.subList(0, Math.min(limit, reviews.size()));
        try (ScratchDirectory scratch = ScratchDirectory.create("voc-throughput-");
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(scratch.resolve("kafka"), 0)) {
            Path work = scratch.path();
            System.out.printf(Locale.ROOT, "%d raw events, %d partitions, %d cores%n", reviews.size(), PARTITIONS,
                    Runtime.getRuntime().availableProcessors());
            String threads = Options.option(args, "--threads", "");
            double inProcess = inProcess(reviews, threads.isBlank() ? SentimentConfiguration.defaults().threads() : Integer.parseInt(threads));
            for (String count : Options.option(args, "--instances", "1,2").split(",")) {
                double service = measure(root, work, broker, reviews, Integer.parseInt(count.strip()), threads);
                System.out.printf(Locale.ROOT, "ratio service/in-process: %.2f%n", service / inProcess);
            }
        }
    }

    /** Documents/s of the service's annotator in this process, on {@code threads} threads, after a warm-up as the service's. */
    private static double inProcess(List<SampleReviews.Review> reviews, int threads) throws Exception {
        FeedbackAnnotator annotator = new FeedbackAnnotator(
                new SentimentPipeline(SentimentConfiguration.defaults(), TaxonomyLoader.defaultTaxonomy()),
                new LanguageIdentifier(LanguageConfiguration.defaults()), Topics.named(TopicNames.defaults()),
                SentimentConfiguration.defaults());
        var serde = JsonSerde.of(FeedbackEvent.class);
        Instant now = Instant.now();
        List<byte[]> events = reviews.stream().map(review -> serde.serialize("raw", review.toEvent(now))).toList();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            annotateAll(annotator, events.subList(0, Math.min(WARM_UP_DOCUMENTS, events.size())), workers);
            long start = System.nanoTime();
            annotateAll(annotator, events, workers);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "in-process: %.1f documents/s (%d documents in %.1f s, %d threads)%n",
                    events.size() / seconds, events.size(), seconds, threads);
            return events.size() / seconds;
        } finally {
            workers.shutdownNow();
        }
    }

    private static void annotateAll(FeedbackAnnotator annotator, List<byte[]> events, ExecutorService workers) throws Exception {
        List<Future<Outcome>> pending = new ArrayList<>();
        for (byte[] event : events) {
            pending.add(workers.submit(() -> annotator.annotate("raw", event)));
        }
        for (Future<Outcome> outcome : pending) {
            if (!(outcome.get() instanceof Outcome.Annotated)) {
                throw new IllegalStateException("a sample review was not annotated: " + outcome.get());
            }
        }
    }

    private static double measure(Path root, Path work, EmbeddedKafkaBroker broker, List<SampleReviews.Review> reviews,
                                  int instances, String threads) throws Exception {
        String run = "run" + instances;
        TopicNames topics = new TopicNames("raw-" + run, "annotated-" + run, "dlq-" + run);
        TopicAdmin.ensureTopics(broker.bootstrapServers(), PARTITIONS, topics.all());
        produce(broker.bootstrapServers(), topics.raw(), reviews);

        String group = "sentiment-" + run;
        Map<String, String> settings = new java.util.HashMap<>(Map.of("voc.sentiment.group-id", group));
        if (!threads.isBlank()) {
            settings.put("voc.sentiment.threads", threads);
        }
        List<ServiceProcess> services = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                // Only the sentiment service runs: the other two specs' ports are never bound.
                ServiceProcess.Spec sentiment = Services.specs(broker.bootstrapServers(), topics,
                        new Services.Ports(0, 18_082 + i, 0), work.resolve("unused"), settings, null, LocalSecrets.random()).get(1);
                services.add(ServiceProcess.start(root, sentiment, work.resolve("logs-" + run + "-" + i)));
            }
            // The first healthy instance starts consuming at once, so the clock starts with it.
            services.get(0).awaitHealthy(Duration.ofMinutes(3));
            long start = System.nanoTime();
            services.forEach(service -> service.awaitHealthy(Duration.ofMinutes(3)));
            // One client, asked once a second: the measuring must not take CPU from what it measures.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                while (!ConsumerGroupProgress.caughtUp(admin, broker.bootstrapServers(), group, topics.raw())) {
                    TimeUnit.SECONDS.sleep(1);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d instance(s): %.1f records/s (%d records in %.1f s); resident memory %s%n",
                    instances, reviews.size() / seconds, reviews.size(), seconds,
                    services.stream().map(service -> residentMegabytes(service.pid()) + " MB").toList());
            return reviews.size() / seconds;
        } finally {
            services.forEach(ServiceProcess::close);
        }
    }

    private static void produce(String bootstrap, String topic, List<SampleReviews.Review> reviews) throws Exception {
        var serde = JsonSerde.of(FeedbackEvent.class);
        Instant now = Instant.now();
        try (var producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (SampleReviews.Review review : reviews) {
                FeedbackEvent event = review.toEvent(now);
                producer.send(new ProducerRecord<>(topic, event.id(), serde.serialize(topic, event)));
            }
            producer.flush();
        }
    }

    /** VmRSS from /proc: what the process really holds in memory, heap and models and all. */
    private static long residentMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
