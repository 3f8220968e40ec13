package io.github.vocstream.aggregator.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde that serialises a value once for as many records in a row as carry that same value: {@link CountOnce}
 * sends one update object to each of an item's segments (six or more), which the repartition topic's serde wrote as
 * many times over. The values must be immutable. Kept per thread, since Streams' threads share a topology's serdes.
 */
final class SerializeOnce<T> implements Serde<T> {

    private static final class Last {
        private Object value;
        private byte[] bytes;
    }

    private final Serde<T> serde;
    private final ThreadLocal<Last> last = ThreadLocal.withInitial(Last::new);

    SerializeOnce(Serde<T> serde) {
        this.serde = serde;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            Last known = last.get();
            if (known.value != value) {
                known.bytes = serde.serializer().serialize(topic, value);
                known.value = value;
            }
            return known.bytes;
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return serde.deserializer();
    }
}
