package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.kafka.Topics;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.kstream.KStream;

/** Hands the topology to micronaut-kafka-streams, which starts and stops it with the service. */
@Factory
public class AggregatorStreams {

    @Singleton
    KStream<String, byte[]> aggregatorStream(ConfiguredStreamBuilder builder, Topics topics, AggregatorConfiguration configuration,
                                             AlertSettings alerts, Personas personas, RatingScales ratingScales) {
        return new AggregatorTopology(topics, configuration, alerts, personas, ratingScales).addTo(builder);
    }
}
