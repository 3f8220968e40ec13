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
 * behind the byte {@code C}. It reads what versions before wrote, still in the topic after an upgrade: the codec's
 * fixed-width layout behind {@code B}, a delta in Smile behind {@code D}, and a record without any of them, one
 * {@link SegmentUpdate} per item and segment, which reads as the delta of that one item. Versions before read none
 * of the newer markers: stop every aggregator instance before starting upgraded ones.
 */
final class SegmentDeltaSerde implements Serde<SegmentDelta> {

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
            return SegmentDeltaCodec.write(delta);
        };
    }

    @Override
    public Deserializer<SegmentDelta> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            boolean codec = data.length > 0 && (data[0] == SegmentDeltaCodec.COMPACT || data[0] == SegmentDeltaCodec.FIXED);
            if (!codec && (data.length == 0 || data[0] != SMILE_DELTA)) {
                return SegmentDelta.of(updates.deserialize(topic, data), configuration);
            }
            try {
                return codec ? SegmentDeltaCodec.read(data)
                        : Json.binaryMapper().readValue(data, 1, data.length - 1, SegmentDelta.class);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("not a valid segment delta: " + e.getMessage(), e);
            }
        };
    }
}
