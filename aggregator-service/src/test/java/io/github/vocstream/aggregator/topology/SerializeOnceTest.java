package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** One update sent to six segments is written once; another update, even an equal one, is written anew. */
class SerializeOnceTest {

    record Update(String id) {
    }

    private final AtomicInteger written = new AtomicInteger();
    private final Serde<Update> serde = new SerializeOnce<>(Serdes.serdeFrom(
            (Serializer<Update>) (topic, update) -> {
                written.incrementAndGet();
                return update.id().getBytes();
            },
            (topic, bytes) -> new Update(new String(bytes))));

    @Test
    void theSameValueInARowIsSerialisedOnce() {
        Update update = new Update("a");
        for (int segment = 0; segment < 6; segment++) {
            assertThat(serde.serializer().serialize("t", update)).isEqualTo("a".getBytes());
        }
        assertThat(written).hasValue(1);
    }

    @Test
    void anotherValueIsSerialisedAgainEvenWhenEqual() {
        serde.serializer().serialize("t", new Update("a"));
        serde.serializer().serialize("t", new Update("b"));
        assertThat(serde.serializer().serialize("t", new Update("a"))).isEqualTo("a".getBytes());

        assertThat(written).hasValue(3);
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }
}
