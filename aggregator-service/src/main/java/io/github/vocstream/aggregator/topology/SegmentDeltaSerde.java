package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.common.kafka.JsonSerde;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The records of the repartition topic by segment: a {@link SegmentDelta} in Smile behind the byte {@code D}. A
 * record without it was written before deltas were sent, one {@link SegmentUpdate} per item and segment; it reads as
 * the delta of that one item, so that updates still in the topic after an upgrade count.
 */
final class SegmentDeltaSerde implements Serde<SegmentDelta> {

    private static final byte DELTA = 'D';

    private final JsonSerde<SegmentUpdate> updates = JsonSerde.binary(SegmentUpdate.class);
    private final AggregatorConfiguration configuration;

    SegmentDeltaSerde(AggregatorConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Serializer<SegmentDelta> serializer() {
        return (topic, delta) -> {
            if (delta == null) {
                return null;
            }
            try {
                byte[] smile = Json.binaryMapper().writeValueAsBytes(delta);
                byte[] marked = new byte[smile.length + 1];
                marked[0] = DELTA;
                System.arraycopy(smile, 0, marked, 1, smile.length);
                return marked;
            } catch (IOException e) {
                throw new SerializationException("cannot write a segment delta", e);
            }
        };
    }

    @Override
    public Deserializer<SegmentDelta> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length == 0 || data[0] != DELTA) {
                return SegmentDelta.of(updates.deserialize(topic, data), configuration);
            }
            try {
                return Json.binaryMapper().readValue(data, 1, data.length - 1, SegmentDelta.class);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("not a valid segment delta: " + e.getMessage(), e);
            }
        };
    }
}
