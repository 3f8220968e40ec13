package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.AggregatorTopology;
import io.github.vocstream.aggregator.topology.ErasureStatus;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the erasure ledger: one partition, so one instance holds every erasure's status, and a question asked
 * elsewhere is relayed there.
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
    private Placement placement() {
        return Placement.of(streams, self, AggregatorTopology.ERASURES_STORE, "", "the erasure ledger");
    }

    /** One erasure's status, or missing while the aggregator has not read it (it applies one seconds after ingest took it). */
    public Lookup<ErasureStatus> erasure(String id) {
        return placement().lookup(() -> {
            ErasureStatus status = ledger().get(id);
            return status != null ? Lookup.found(status) : Lookup.missing("no erasure '" + id + "' here: unknown, or not yet "
                    + "read by the aggregator (it applies an erasure seconds after ingest took it); ask again shortly");
        });
    }

    public Lookup<List<ErasureStatus>> all() {
        return placement().lookup(() -> {
            List<ErasureStatus> all = new ArrayList<>();
            try (KeyValueIterator<String, ErasureStatus> entries = ledger().all()) {
                entries.forEachRemaining(entry -> all.add(entry.value));
            }
            return Lookup.found(all);
        });
    }

    private ReadOnlyKeyValueStore<String, ErasureStatus> ledger() {
        return streams.store(StoreQueryParameters.fromNameAndType(AggregatorTopology.ERASURES_STORE,
                QueryableStoreTypes.<String, ErasureStatus>keyValueStore()).withPartition(0));
    }
}
