package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.Erasure;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.Topics;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure by customer. Every counted item with an author is indexed by its author hash ({@link AuthorIndex}); an
 * erasure from the erasures topic reaches the index under each of its author hashes, which sends a retraction for
 * each of the author's items to the raw topic (so that the next compaction removes their text there, and the sentiment
 * service passes the retraction on) and to the annotated topic (so that the tables let go of them at once, and its
 * compaction removes the annotated text). What each author's part did is added up per erasure ({@link ErasureLedger}):
 * the audit of erasures, on one partition, as erasures are few.
 */
final class ErasureTopology {

    static final String AUTHOR_FEEDBACK_STORE = "author-feedback";
    static final String ERASED_AUTHORS_STORE = "erased-authors";
    public static final String ERASURES_STORE = "erasures";

    private static final Logger LOG = LoggerFactory.getLogger(ErasureTopology.class);

    private final Topics topics;
    private final StoreKind stores;

    ErasureTopology(Topics topics, StoreKind stores) {
        this.topics = topics;
        this.stores = stores;
    }

    /** Adds erasure to {@code builder}, indexing the authors of {@code parsed}, the annotated records as parsed. */
    void addTo(StreamsBuilder builder, KStream<String, Parsed> parsed) {
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.keyValue(AUTHOR_FEEDBACK_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.keyValue(ERASED_AUTHORS_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.keyValue(ERASURES_STORE), Serdes.String(),
                JsonSerde.binary(ErasureStatus.class)));

        KStream<String, AuthorEvent> written = parsed.flatMap((id, item) -> item instanceof Parsed.Ok ok
                        && ok.feedback().feedback().author() != null
                        ? List.of(KeyValue.pair(ok.feedback().feedback().author(),
                                AuthorEvent.wrote(id, ok.feedback().feedback().receivedAt())))
                        : List.<KeyValue<String, AuthorEvent>>of(),
                Named.as("authors-of-feedback"));
        KStream<String, AuthorEvent> erasures = builder.stream(topics.erasures().name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-erasures"))
                .flatMap((id, bytes) -> authorsOf(id, bytes), Named.as("authors-to-erase"));

        written.merge(erasures, Named.as("author-events"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.binary(AuthorEvent.class)).withName("by-author"))
                .process(AuthorIndex::new, Named.as("author-index"), AUTHOR_FEEDBACK_STORE, ERASED_AUTHORS_STORE)
                .split(Named.as("erased-"))
                .branch((key, status) -> status == null, Branched.withConsumer(retractions -> {
                    KStream<String, byte[]> tombstones = retractions.mapValues(status -> (byte[]) null, Named.as("tombstones"));
                    tombstones.to(topics.raw().name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("retract-raw"));
                    tombstones.to(topics.annotated().name(),
                            Produced.with(Serdes.String(), Serdes.ByteArray()).withName("retract-annotated"));
                }, "items"))
                .defaultBranch(Branched.withConsumer(parts -> parts
                        .repartition(Repartitioned.with(Serdes.String(), JsonSerde.binary(ErasureStatus.class))
                                .withName("by-erasure").withNumberOfPartitions(1))
                        .process(ErasureLedger::new, Named.as("erasure-ledger"), ERASURES_STORE), "parts"));
    }

    /** Each author of the erasure in {@code bytes}; none, with the reason logged, for a record that is no erasure. */
    private List<KeyValue<String, AuthorEvent>> authorsOf(String id, byte[] bytes) {
        Erasure erasure;
        try {
            erasure = bytes == null ? null : topics.erasures().valueSerde().deserializer().deserialize(topics.erasures().name(), bytes);
        } catch (SerializationException e) {
            LOG.error("Erasure record {} is not an erasure and is left alone: {}", id, e.getMessage());
            return List.of();
        }
        if (erasure == null || erasure.schemaVersion() > Erasure.SCHEMA_VERSION) {
            LOG.error("Erasure record {} is empty or of a newer schema than this service knows, and is left alone", id);
            return List.of();
        }
        ErasureStatus requested = ErasureStatus.requested(erasure);
        return erasure.authors().stream().map(author -> KeyValue.pair(author, AuthorEvent.erase(requested))).toList();
    }
}
