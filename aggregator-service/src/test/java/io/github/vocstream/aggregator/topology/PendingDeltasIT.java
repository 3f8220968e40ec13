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
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deltas collected but not sent when the first step commits are kept in its store's changelog: an instance that
 * stops before sending them leaves them there, and the instance that takes over (here with an empty state
 * directory, so from the changelog alone) sends them, and every item counts once. On a real broker, exactly-once.
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
    void deltasCommittedBeforeTheyWereSentAreSentByTheInstanceThatTakesOver() throws Exception {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 2, names.all());
        send(bootstrap);

        // Never sends: what it collects is only ever written down at its commits.
        try (KafkaStreams holding = start(bootstrap, Duration.ofHours(1), "first")) {
            await().atMost(Duration.ofMinutes(1)).until(() -> pendingItems(holding) == ITEMS);
            assertThat(countOfAll(holding)).as("nothing reached the segment tables").isZero();
        }

        try (KafkaStreams takingOver = start(bootstrap, Duration.ofMillis(100), "second")) {
            await().atMost(Duration.ofMinutes(1)).until(() -> countOfAll(takingOver) == ITEMS);
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingItems(takingOver) == 0);
        }
    }

    private void send(String bootstrap) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ITEMS; i++) {
                AnnotatedFeedback item = AnnotatedFeedbacks.aboutTheme("held-" + i, Instant.now().minusSeconds(60 - i), "delivery/late",
                        SentimentLabel.NEGATIVE, -0.5, Map.of("team", "t" + i % 3), "courier app");
                producer.send(new ProducerRecord<>(names.annotated(), item.id(),
                        JsonSerde.of(AnnotatedFeedback.class).serialize(names.annotated(), item))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private KafkaStreams start(String bootstrap, Duration sendInterval, String instance) {
        AggregatorConfiguration defaults = AggregatorConfiguration.defaults();
        AggregatorConfiguration configuration = new AggregatorConfiguration(defaults.evidencePerTheme(), defaults.grace(),
                defaults.minuteRetention(), defaults.hourRetention(), defaults.emergingRecent(), defaults.emergingBaseline(),
                defaults.emergingMinimum(), defaults.candidateExpiry(), defaults.candidateKeep(), sendInterval);
        StreamsBuilder builder = new StreamsBuilder();
        new AggregatorTopology(Topics.named(names), configuration, AlertSettings.defaults(), Personas.none(), RatingScales.defaults(),
                StoreKind.IN_MEMORY).addTo(builder);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "pending-deltas-" + suffix);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirs.resolve(instance).toString());
        // Members do not leave the group when they close: the second waits out the first one's session.
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        KafkaStreams streams = new KafkaStreams(builder.build(properties), properties);
        streams.start();
        return streams;
    }

    /** The items in the pending deltas of segment {@code all}; -1 while the store cannot be read. */
    private static int pendingItems(KafkaStreams streams) {
        try {
            ReadOnlyKeyValueStore<String, SegmentDelta> deltas = streams.store(StoreQueryParameters.fromNameAndType(
                    AggregatorTopology.SEGMENT_DELTAS_STORE, QueryableStoreTypes.keyValueStore()));
            // One delta of "all" per task of the first step, as each sends its own.
            int items = 0;
            try (KeyValueIterator<String, SegmentDelta> all = deltas.all()) {
                while (all.hasNext()) {
                    KeyValue<String, SegmentDelta> delta = all.next();
                    items += delta.key.equals("all") ? delta.value.items() : 0;
                }
            }
            return items;
        } catch (InvalidStateStoreException notReady) {
            return -1;
        }
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
