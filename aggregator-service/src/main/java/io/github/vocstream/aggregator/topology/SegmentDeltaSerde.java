package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.common.kafka.JsonSerde;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The records of the repartition topic by segment: a {@link SegmentDelta} field by field ({@link SegmentDeltaCodec})
 * behind the byte {@code B}. It reads what versions before wrote, still in the topic after an upgrade: a delta in
 * Smile behind the byte {@code D}, and a record without either, one {@link SegmentUpdate} per item and segment, which
 * reads as the delta of that one item. Versions before read neither {@code B} nor {@code D}: stop every aggregator
 * instance before starting upgraded ones.
 */
final class SegmentDeltaSerde implements Serde<SegmentDelta> {

    private static final byte DELTA = 'B';
    private static final byte SMILE_DELTA = 'D';

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
            return SegmentDeltaCodec.write(delta, DELTA);
        };
    }

    @Override
    public Deserializer<SegmentDelta> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length == 0 || data[0] != DELTA && data[0] != SMILE_DELTA) {
                return SegmentDelta.of(updates.deserialize(topic, data), configuration);
            }
            try {
                return data[0] == DELTA ? SegmentDeltaCodec.read(data)
                        : Json.binaryMapper().readValue(data, 1, data.length - 1, SegmentDelta.class);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("not a valid segment delta: " + e.getMessage(), e);
            }
        };
    }
}
