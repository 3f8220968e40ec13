package io.github.vocstream.benchmarks;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.testkit.ConsumerGroupProgress;
import io.github.vocstream.localkafka.EmbeddedKafkaBroker;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localstack.SampleReviews;
import io.github.vocstream.localstack.LocalSecrets;
import io.github.vocstream.localstack.ServiceProcess;
import io.github.vocstream.localstack.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end throughput of the sentiment service on a real broker: N raw events wait in {@code voc.feedback.raw},
 * then one (or two) service processes in one consumer group annotate them; the figure is records/s from the first
 * instance being healthy to the group having committed every record, and each process's resident memory.
 * Usage: {@code bench/run.sh sentiment-service [--instances 1,2] [--threads N] [--limit N]}.
 */
public final class SentimentServiceThroughput {

    private static final int PARTITIONS = 6;

    private SentimentServiceThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        List<SampleReviews.Review> reviews = SampleReviews.read(root.resolve("data/reviews"));
        int limit = Integer.parseInt(Options.option(args, "--limit", Integer.toString(reviews.size())));
        reviews = reviews.subList(0, Math.min(limit, reviews.size()));
        Path work = Files.createTempDirectory("voc-throughput-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0)) {
            System.out.printf(Locale.ROOT, "%d raw events, %d partitions, %d cores%n", reviews.size(), PARTITIONS,
                    Runtime.getRuntime().availableProcessors());
            String threads = Options.option(args, "--threads", "");
            for (String count : Options.option(args, "--instances", "1,2").split(",")) {
                measure(root, work, broker, reviews, Integer.parseInt(count.strip()), threads);
            }
        }
    }

    private static void measure(Path root, Path work, EmbeddedKafkaBroker broker, List<SampleReviews.Review> reviews,
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
                FeedbackEvent event = new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION,
                        FeedbackEvent.idOf(review.source(), review.externalId()), review.source(), review.externalId(),
                        io.github.vocstream.common.event.Channel.REVIEW, review.text(), null, "en", null, null, now, now,
                        review.segments(), List.of());
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
