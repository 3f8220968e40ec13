package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.aggregator.alert.SpikeAlerts;
import io.github.vocstream.aggregator.alert.SpikeState;
import io.github.vocstream.common.event.Alert;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Turns annotated feedback into per-segment sentiment, theme tables, timelines and candidate terms, and takes
 * retracted feedback (a tombstone under its id) back out of them; poison records go to the dead-letter topic. Every
 * segment store is partitioned by segment, so one instance answers all of a segment. Rises in negative feedback per
 * segment and theme become alerts on the alerts topic, which every instance reads back whole. Customers are erased
 * by author ({@link ErasureTopology}).
 */
public final class AggregatorTopology {

    public static final String SEGMENT_SENTIMENT_STORE = "segment-sentiment";
    public static final String SEGMENT_THEMES_STORE = "segment-themes";
    public static final String SEGMENT_CANDIDATES_STORE = "segment-candidates";
    public static final String SEGMENT_EMERGING_STORE = "segment-emerging";
    public static final String TIMELINE_MINUTES_STORE = "timeline-minutes";
    public static final String TIMELINE_HOURS_STORE = "timeline-hours";
    public static final String COUNTED_FEEDBACK_STORE = "counted-feedback";
    /** The first step's per-segment changes not sent on yet, in memory until the next commit ({@link PendingDeltas}). */
    static final String PENDING_DELTAS_STORE = "pending-deltas";
    /**
     * Where the version before kept pending deltas, with a changelog: the first step sends what a commit left there
     * after an upgrade, and writes nothing to it. It can go once no instance older than the pending deltas store runs.
     */
    static final String LEFTOVER_DELTAS_STORE = "segment-deltas";
    /** The repartition topic by segment is {@code <application id>-by-segment-repartition}: its partitions hold the segments. */
    public static final String BY_SEGMENT_TOPIC_SUFFIX = "-" + AggregatorTopology.BY_SEGMENT + "-repartition";
    private static final String BY_SEGMENT = "by-segment";
    /** Every alert, on every instance (a global table of the alerts topic), for {@code GET /v1/alerts}. */
    public static final String ALERTS_STORE = "alerts";
    /** Each erasure's status, on one partition, for {@code GET /v1/erasures}. */
    public static final String ERASURES_STORE = ErasureTopology.ERASURES_STORE;

    /**
     * Per store and task, read rows and as many written since the last commit: about 1.5 KB each for a theme row with
     * its sentences, so at most a few MB per task.
     */
    private static final int ROWS_KEPT_AS_OBJECTS = 2_000;

    private final Topics topics;
    private final AggregatorConfiguration configuration;
    private final AlertSettings alerts;
    private final Personas personas;
    private final RatingScales ratingScales;
    private final StoreKind stores;

    public AggregatorTopology(Topics topics, AggregatorConfiguration configuration, AlertSettings alerts, Personas personas,
                              RatingScales ratingScales) {
        this(topics, configuration, alerts, personas, ratingScales, StoreKind.PERSISTENT);
    }

    public AggregatorTopology(Topics topics, AggregatorConfiguration configuration, AlertSettings alerts, Personas personas,
                              RatingScales ratingScales, StoreKind stores) {
        this.topics = topics;
        this.configuration = configuration;
        this.alerts = alerts;
        this.personas = personas;
        this.ratingScales = ratingScales;
        this.stores = stores;
    }

    /** Adds the topology to {@code builder} and returns its source stream. */
    public KStream<String, byte[]> addTo(StreamsBuilder builder) {
        // Not cached: each id is written once, so a cache would only push the hot segment rows out of it.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                stores.keyValue(COUNTED_FEEDBACK_STORE), Serdes.String(), new CountedSerde()));
        builder.addStateStore(PendingDeltas.builder(PENDING_DELTAS_STORE, configuration));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.keyValue(LEFTOVER_DELTAS_STORE), Serdes.String(),
                JsonSerde.binary(SegmentDelta.class)));
        addSegmentStores(builder);
        builder.addStateStore(DeserializedCache.around(Stores.keyValueStoreBuilder(stores.keyValue(SpikeAlerts.STORE),
                Serdes.String(), JsonSerde.binary(SpikeState.class)).withCachingEnabled(), ROWS_KEPT_AS_OBJECTS, Serdes.String().serializer()));
        builder.globalTable(topics.alerts().name(), Consumed.with(Serdes.String(), topics.alerts().valueSerde())
                        .withName("read-alerts"),
                Materialized.<String, Alert>as(stores.keyValue(ALERTS_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(topics.alerts().valueSerde()));

        KStream<String, byte[]> source = builder.stream(topics.annotated().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-annotated"));

        source.processValues(() -> new ParseAnnotated(topics.annotated().valueSerde().deserializer()), Named.as("parse-annotated"))
                .split(Named.as("parsed-"))
                .branch((id, parsed) -> parsed instanceof Parsed.Bad, Branched.withConsumer(bad -> bad
                        .mapValues(parsed -> ((Parsed.Bad) parsed).original(), Named.as("original-bytes"))
                        .to(topics.dlq().name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-dead-letters")),
                        "bad"))
                .defaultBranch(Branched.withConsumer(parsed -> {
                    aggregatePerSegment(parsed);
                    new ErasureTopology(topics, stores).addTo(builder, parsed);
                }, "ok"));
        return source;
    }

    /**
     * Two steps, because the input is keyed by feedback id and the tables by segment. First, on the id's partition,
     * {@link CountOnce} decides whether an item counts at all (a redelivered id does not; a retraction undoes exactly
     * what its item added, which it looks up in {@code counted-feedback}) and adds what it changes to each of its
     * segments' pending {@link SegmentDelta}, which it sends on when the task commits. Then the deltas go through
     * a topic keyed by segment, so that every change of a segment lands on one partition: one task owns all of a
     * segment's stores, applies its deltas in order, and one instance answers for it. With exactly-once processing, a
     * store write, its changelog record and the input offset commit or roll back together, so a crash between the two
     * steps neither loses nor doubles a change.
     */
    private void aggregatePerSegment(KStream<String, Parsed> feedbackAndRetractions) {
        KStream<String, SegmentDelta> bySegment = feedbackAndRetractions
                .process(() -> new CountOnce(personas, ratingScales, configuration), Named.as("count-once"), COUNTED_FEEDBACK_STORE,
                        PENDING_DELTAS_STORE, LEFTOVER_DELTAS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), new SegmentDeltaSerde(configuration)).withName(BY_SEGMENT));

        bySegment.process(() -> new SegmentTables(configuration), Named.as("segment-tables"),
                SEGMENT_THEMES_STORE, SEGMENT_CANDIDATES_STORE, SEGMENT_EMERGING_STORE, TIMELINE_MINUTES_STORE, TIMELINE_HOURS_STORE);
        // After the segment tables (children run in the order they were added): it reads the candidates they updated.
        bySegment.process(() -> new SpikeAlerts(alerts, configuration), Named.as("spike-alerts"), SpikeAlerts.STORE,
                        SEGMENT_CANDIDATES_STORE)
                .to(topics.alerts().name(), Produced.with(Serdes.String(), topics.alerts().valueSerde()).withName("write-alerts"));
        // Last, so that its store is also flushed last before a commit: a query that sees a segment's count sees the
        // theme tables and timelines of the same items.
        bySegment.process(SegmentTotals::new, Named.as("sum-sentiment"), SEGMENT_SENTIMENT_STORE);
    }

    /**
     * Kept as objects ({@link WriteBackStore}): a hot key (the minute of "all") is parsed and serialised once per commit,
     * not once per item. The key-value stores also have Streams' cache, which holds rows the object layer let go; the
     * timelines do not: their rows are written down once per commit and read back rarely, so that cache only copied
     * them once more before the same commit (about 5 % of the stream thread).
     */
    private void addSegmentStores(StreamsBuilder builder) {
        // Timestamped, as the DSL aggregation that kept it before wrote it.
        builder.addStateStore(DeserializedCache.aroundTimestamped(Stores.timestampedKeyValueStoreBuilder(
                stores.keyValue(SEGMENT_SENTIMENT_STORE), Serdes.String(), JsonSerde.binary(SegmentSentiment.class))
                .withCachingEnabled(), ROWS_KEPT_AS_OBJECTS, Serdes.String().serializer()));
        builder.addStateStore(DeserializedCache.around(Stores.keyValueStoreBuilder(stores.keyValue(SEGMENT_THEMES_STORE),
                Serdes.String(), JsonSerde.binary(ThemeStats.class)).withCachingEnabled(), ROWS_KEPT_AS_OBJECTS, Serdes.String().serializer()));
        builder.addStateStore(DeserializedCache.around(Stores.keyValueStoreBuilder(stores.keyValue(SEGMENT_CANDIDATES_STORE),
                Serdes.String(), JsonSerde.binary(CandidateStats.class)).withCachingEnabled(), ROWS_KEPT_AS_OBJECTS, Serdes.String().serializer()));
        builder.addStateStore(DeserializedCache.around(Stores.keyValueStoreBuilder(stores.keyValue(SEGMENT_EMERGING_STORE),
                Serdes.String(), JsonSerde.binary(EmergingIndex.class)).withCachingEnabled(), ROWS_KEPT_AS_OBJECTS, Serdes.String().serializer()));
        builder.addStateStore(DeserializedWindowCache.around(Stores.windowStoreBuilder(stores.window(TIMELINE_MINUTES_STORE,
                configuration.minuteRetention(), Duration.ofMinutes(1)), Serdes.String(), JsonSerde.binary(Tally.class))
                .withCachingDisabled(), ROWS_KEPT_AS_OBJECTS));
        builder.addStateStore(DeserializedWindowCache.around(Stores.windowStoreBuilder(stores.window(TIMELINE_HOURS_STORE,
                configuration.hourRetention(), Duration.ofHours(1)), Serdes.String(), JsonSerde.binary(Tally.class))
                .withCachingDisabled(), ROWS_KEPT_AS_OBJECTS));
    }
}
