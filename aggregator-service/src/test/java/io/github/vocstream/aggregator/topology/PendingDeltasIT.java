package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.Topics;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.testkit.ScratchDirectory;
import io.github.vocstream.testkit.SharedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first step sends its deltas when it commits, in the commit's transaction: an instance that has read items but
 * not committed has sent nothing the second step can read, and its last commit, when it closes, sends them; the
 * instance that takes over counts every item once. Keeping up with its input, the first step commits every live
 * commit interval however long Streams' own interval is; behind it, it waits for Streams'. On a real broker,
 * exactly-once.
 */
class PendingDeltasIT {

    private static final int ITEMS = 20;

    private final String suffix = UUID.randomUUID().toString();
    private final TopicNames names = new TopicNames("raw-" + suffix, "annotated-" + suffix, "dlq-" + suffix, "alerts-" + suffix,
            "erasures-" + suffix);
    private final ScratchDirectory stateDirs = ScratchDirectory.create("pending-deltas-");

    @AfterEach
    void deleteState() {
        stateDirs.close();
    }

    @Test
    void deltasAreSentWhenTheFirstStepCommitsAndCountOnce() throws Exception {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 2, names.all());
        // Written an hour ago: the first step is behind, so it leaves commits to Streams' interval.
        send(bootstrap, Instant.now().minus(Duration.ofHours(1)));

        // Commits only when it closes.
        try (KafkaStreams holding = start(bootstrap, Duration.ofMinutes(5), "first")) {
            await().atMost(Duration.ofMinutes(1)).until(() -> processed(holding) >= ITEMS);
            assertThat(countOfAll(holding)).as("nothing reached the segment tables before a commit").isZero();
        }

        try (KafkaStreams takingOver = start(bootstrap, Duration.ofMillis(100), "second")) {
            await().atMost(Duration.ofMinutes(1)).until(() -> countOfAll(takingOver) == ITEMS);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> countOfAll(takingOver) == ITEMS);
        }
    }

    @Test
    void keepingUpTheFirstStepCommitsEveryLiveIntervalWhateverStreamsInterval() throws Exception {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 2, names.all());

        try (KafkaStreams live = start(bootstrap, Duration.ofMinutes(5), "live")) {
            await().atMost(Duration.ofMinutes(1)).until(() -> countOfAll(live) == 0);
            // Written now, while it runs: it keeps up, and asks for its own commits.
            send(bootstrap, Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> countOfAll(live) == ITEMS);
        }
    }

    private void send(String bootstrap, Instant writtenAt) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ITEMS; i++) {
                AnnotatedFeedback item = AnnotatedFeedbacks.aboutTheme("held-" + i, Instant.now().minusSeconds(60 - i), "delivery/late",
                        SentimentLabel.NEGATIVE, -0.5, Map.of("team", "t" + i % 3), "courier app");
                producer.send(new ProducerRecord<>(names.annotated(), null, writtenAt.toEpochMilli(), item.id(),
                        JsonSerde.of(AnnotatedFeedback.class).serialize(names.annotated(), item))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private KafkaStreams start(String bootstrap, Duration commitInterval, String instance) {
        StreamsBuilder builder = new StreamsBuilder();
        new AggregatorTopology(Topics.named(names), AggregatorConfiguration.defaults(), AlertSettings.defaults(), Personas.none(), RatingScales.defaults(),
                StoreKind.IN_MEMORY).addTo(builder);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "pending-deltas-" + suffix);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        // A transaction stays open until the commit: the producer must allow that long.
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) commitInterval.toMillis() + 60_000);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirs.resolve(instance).toString());
        // Members do not leave the group when they close: the second waits out the first one's session.
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        KafkaStreams streams = new KafkaStreams(builder.build(properties), properties);
        streams.start();
        return streams;
    }

    /** The records the instance's stream threads have processed, over both steps. */
    private static double processed(KafkaStreams streams) {
        return streams.metrics().values().stream()
                .filter(metric -> metric.metricName().group().equals("stream-thread-metrics") && metric.metricName().name().equals("process-total"))
                .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                .sum();
    }

    /** The count of segment {@code all}; -1 while the store cannot be read. */
    private static long countOfAll(KafkaStreams streams) {
        try {
            ReadOnlyKeyValueStore<String, SegmentSentiment> totals = streams.store(StoreQueryParameters.fromNameAndType(
                    AggregatorTopology.SEGMENT_SENTIMENT_STORE, QueryableStoreTypes.keyValueStore()));
            SegmentSentiment all = totals.get("all");
            return all == null ? 0 : all.count();
        } catch (InvalidStateStoreException notReady) {
            return -1;
        }
    }
}
