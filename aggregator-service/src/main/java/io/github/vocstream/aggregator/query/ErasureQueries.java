package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.AggregatorTopology;
import io.github.vocstream.aggregator.topology.ErasureStatus;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the erasure ledger: one partition, so one instance holds every erasure's status, and a question asked
 * elsewhere is relayed there ({@link SegmentRouter}).
 */
@Singleton
public class ErasureQueries {

    private final KafkaStreams streams;
    private final HostInfo self;

    public ErasureQueries(KafkaStreams streams, @Value("${kafka.streams.default.application.server}") String applicationServer) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    /** Where the ledger is: here, on another instance, or nowhere yet. It has one partition: any key finds it. */
    public Placement placement() {
        return Placement.of(streams, self, AggregatorTopology.ERASURES_STORE, "", "the erasure ledger");
    }

    public Optional<ErasureStatus> erasure(String id) {
        return read(() -> Optional.ofNullable(ledger().get(id)));
    }

    public List<ErasureStatus> all() {
        return read(() -> {
            List<ErasureStatus> all = new ArrayList<>();
            try (KeyValueIterator<String, ErasureStatus> entries = ledger().all()) {
                entries.forEachRemaining(entry -> all.add(entry.value));
            }
            return all;
        });
    }


    private ReadOnlyKeyValueStore<String, ErasureStatus> ledger() {
        return streams.store(StoreQueryParameters.fromNameAndType(AggregatorTopology.ERASURES_STORE,
                QueryableStoreTypes.<String, ErasureStatus>keyValueStore()).withPartition(0));
    }

    private static <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw ProblemException.unavailable("the erasure ledger is being restored or moved", SegmentQueries.RETRY_AFTER);
        }
    }
}
