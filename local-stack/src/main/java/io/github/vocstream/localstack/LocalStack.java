package io.github.vocstream.localstack;

import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.TopicSettings;
import io.github.vocstream.localkafka.EmbeddedKafkaBroker;
import io.github.vocstream.localkafka.TopicAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on this machine: a KRaft broker keeping its data in {@code .voc-local/kafka}, the three
 * services, and the sample reviews replayed through the ingest API. Ctrl-C stops it all; the next start
 * continues from the same data. Started by {@code ./run-local.sh}.
 */
public final class LocalStack {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final int KAFKA_PORT = intFromEnvironment("VOC_KAFKA_PORT", 9092);
    private static final int PARTITIONS = intFromEnvironment("VOC_PARTITIONS", 3);

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("voc.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve(".voc-local");
        List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the services and the broker ...");
            stopAll(running);
            stopped.countDown();
        }, "local-stack-stop"));

        LOG.info("Starting Kafka (KRaft) on localhost:{} with data in {}", KAFKA_PORT, dataDir.resolve("kafka"));
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), KAFKA_PORT);
        running.add(broker);
        TopicNames topics = new TopicNames(TopicNames.DEFAULT_RAW, TopicNames.DEFAULT_ANNOTATED, TopicNames.DEFAULT_DLQ);
        TopicAdmin.ensureTopics(broker.bootstrapServers(), PARTITIONS, TopicSettings.of(topics));

        String apiKey = LocalSecrets.readOrCreate(dataDir.resolve("api-key"));
        String authorKey = LocalSecrets.readOrCreate(dataDir.resolve("author-key"));
        List<ServiceProcess> services = new ArrayList<>();
        for (ServiceProcess.Spec spec : Services.specs(broker.bootstrapServers(), topics, Services.Ports.DEFAULT,
                dataDir.resolve("aggregator-state"),
                Map.of("voc.ratings.sources", SampleReviews.RATING_SCALES), apiKey, authorKey)) {
            ServiceProcess service = ServiceProcess.start(root, spec, dataDir.resolve("logs"));
            running.add(0, service);
            services.add(service);
            LOG.info("Started {} on {} (log: {})", service.name(), service.baseUri(), service.log());
        }
        for (ServiceProcess service : services) {
            service.awaitHealthy(Duration.ofMinutes(3));
            LOG.info("{} is healthy", service.name());
        }

        List<SampleReviews.Review> reviews = SampleReviews.read(root.resolve("data/reviews"));
        List<SampleReviews.Review> missing = SampleReplay.notYetIn(broker.bootstrapServers(), topics.raw(), reviews);
        int accepted = new FeedbackSender(services.get(0).baseUri(), apiKey).send(missing);
        LOG.info("Sent {} sample reviews through the ingest API ({} were already in the raw topic). Sentiment is being "
                + "computed now; try:", accepted, reviews.size() - missing.size());
        LOG.info("  curl -s {}/v1/segments/all/sentiment", services.get(2).baseUri());
        // The query API is open here, so the plain address logs in; with read keys it would be <address>#key=<key>.
        LOG.info("The dashboard, live: {}/", services.get(2).baseUri());
        LOG.info("The API documents: {}/swagger-ui/index.html and {}/swagger-ui/index.html", services.get(0).baseUri(),
                services.get(2).baseUri());
        LOG.info("The ingest API's key is in {}: send it as X-Api-Key", dataDir.resolve("api-key"));
        LOG.info("Press Ctrl-C to stop. Broker data stays in {}", dataDir.resolve("kafka"));
        stopped.await();
    }

    private static int intFromEnvironment(String name, int fallback) {
        String value = System.getenv(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }

    private static void stopAll(List<AutoCloseable> running) {
        synchronized (running) {
            for (AutoCloseable part : running) {
                try {
                    part.close();
                } catch (Exception e) {
                    LOG.warn("could not stop {} cleanly: {}", part, e.toString());
                }
            }
            running.clear();
        }
    }
}
