package io.github.vocstream.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The stores' form: Smile that reads back equal, reads what the JSON form wrote, and is smaller. */
class BinarySerdeTest {

    /** Numbers and repeated field names are where Smile saves: a record with a list of them. */
    record Row(String theme, long mentions, double meanScore, List<Cell> cells) {
    }

    record Cell(String label, long count, double share) {
    }

    private static final Row ROW = new Row("delivery", 1234, -0.4182736451,
            List.of(new Cell("negative", 700, 0.5672609), new Cell("neutral", 300, 0.2431118), new Cell("positive", 234, 0.1896272)));

    @Test
    void aRecordReadsBackEqual() {
        var serde = JsonSerde.binary(Row.class);

        byte[] written = serde.serialize("t", ROW);

        assertThat(Json.isBinary(written)).isTrue();
        assertThat(serde.deserialize("t", written)).isEqualTo(ROW);
    }

    @Test
    void whatTheJsonFormWroteStillReads() {
        byte[] json = JsonSerde.of(Row.class).serialize("t", ROW);

        assertThat(Json.isBinary(json)).isFalse();
        assertThat(JsonSerde.binary(Row.class).deserialize("t", json)).isEqualTo(ROW);
        assertThat(JsonSerde.of(Row.class).deserialize("t", JsonSerde.binary(Row.class).serialize("t", ROW))).isEqualTo(ROW);
    }

    record Stamped(String id, Instant at) {
    }

    @Test
    void instantsAreNumbersThatKeepEveryNanosecondAndTheIsoFormStillReads() throws Exception {
        Stamped stamped = new Stamped("a", Instant.parse("2026-11-29T21:03:37.123456789Z"));
        var serde = JsonSerde.binary(Stamped.class);

        byte[] written = serde.serialize("t", stamped);

        assertThat(Json.binaryMapper().readTree(written).get("at").isNumber()).isTrue();
        assertThat(serde.deserialize("t", written)).isEqualTo(stamped);
        assertThat(JsonSerde.of(Stamped.class).deserialize("t", written)).isEqualTo(stamped);
        // What the stores held before: Smile with the instant as ISO text.
        byte[] before = Json.binaryMapper().writeValueAsBytes(Map.of("id", "a", "at", "2026-11-29T21:03:37.123456789Z"));
        assertThat(serde.deserialize("t", before)).isEqualTo(stamped);
    }

    @Test
    void theTextFormKeepsIsoInstants() {
        Stamped stamped = new Stamped("a", Instant.parse("2026-11-29T21:03:37Z"));

        assertThat(new String(JsonSerde.of(Stamped.class).serialize("t", stamped), StandardCharsets.UTF_8))
                .contains("\"2026-11-29T21:03:37Z\"");
    }

    @Test
    void itIsSmallerThanJson() {
        assertThat(JsonSerde.binary(Row.class).serialize("t", ROW).length)
                .isLessThan(JsonSerde.of(Row.class).serialize("t", ROW).length);
    }

    @Test
    void textStaysReadableInTheBytes() {
        // Erasure checks rely on it: a customer's words are found in a store's changelog as they are in JSON.
        FeedbackEvent event = FeedbackEvents.review("r-1", "The parcel never arrived at Hallgrímskirkja.", Map.of());

        String bytes = new String(JsonSerde.binary(FeedbackEvent.class).serialize("t", event), StandardCharsets.UTF_8);

        assertThat(bytes).contains("The parcel never arrived at Hallgrímskirkja.");
    }

    @Test
    void badBytesThrowSerializationException() {
        assertThatThrownBy(() -> JsonSerde.binary(Row.class).deserialize("t", ":)\n\u0000garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }
}
