package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The repartition topic's deltas, field by field: what is read is what was written, whatever the items (themes,
 * terms, ratings, unscored languages, items too late for their bucket, retractions), and deltas in the layouts of
 * the versions before (fixed-width, Smile) read as they did.
 */
class SegmentDeltaCodecTest {

    private static final AggregatorConfiguration CONFIGURATION = AggregatorConfiguration.defaults();
    private static final String[] THEMES = {"delivery/late", "billing", "staff/attitude"};
    private static final String[] TERMS = {"courier app", "gift card", "parcel locker"};
    private final SegmentDeltaSerde serde = new SegmentDeltaSerde(CONFIGURATION);

    @Property
    void aDeltaReadsBackAsWritten(@ForAll long seed, @ForAll @IntRange(max = 60) int items) {
        SegmentDelta delta = delta(new Random(seed), items);

        byte[] written = serde.serializer().serialize("by-segment", delta);

        assertThat(written[0]).isEqualTo((byte) 'C');
        assertThat(tree(serde.deserializer().deserialize("by-segment", written))).isEqualTo(tree(delta));
    }

    @Property
    void eachStringIsWrittenOncePerDelta(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int items) {
        SegmentDelta delta = delta(new Random(seed), items);
        byte[] written = serde.serializer().serialize("by-segment", delta);
        // The same sentence shows a theme, its parent theme and the terms said in it.
        Optional<String> sentence = delta.themes().values().stream().flatMap(theme -> theme.evidence().stream())
                .map(Evidence::sentence).findFirst();
        Assume.that(sentence.isPresent());

        assertThat(occurrences(written, sentence.get().getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
    }

    /**
     * Written by the fixed-width layout ({@code B}) of {@code 3b952f3}, with {@code delta(new Random(7), 8)} of this
     * test, beside the delta's JSON then.
     */
    @Test
    void aDeltaInTheFixedLayoutFromTheVersionBeforeReadsAsItWasWritten() throws Exception {
        byte[] fixed = resource("deltas/fixed-layout-delta.bin");
        JsonNode expected = Json.mapper().readTree(resource("deltas/fixed-layout-delta.json"));
        SegmentDelta read = serde.deserializer().deserialize("by-segment", fixed);

        assertThat(fixed[0]).isEqualTo((byte) 'B');
        assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(read))).isEqualTo(expected);
    }

    /** The golden delta above was also added up by the version before: items still add up to what they did then. */
    @Test
    void itemsAddUpAsTheyDidInTheVersionBefore() throws Exception {
        JsonNode expected = Json.mapper().readTree(resource("deltas/fixed-layout-delta.json"));

        assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(delta(new Random(7), 8)))).isEqualTo(expected);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SegmentDeltaCodecTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static int occurrences(byte[] data, byte[] part) {
        int found = 0;
        for (int at = 0; at + part.length <= data.length; at++) {
            if (Arrays.equals(data, at, at + part.length, part, 0, part.length)) {
                found++;
            }
        }
        return found;
    }

    @Test
    void aDeltaInSmileFromTheVersionBeforeReadsAsItWasWritten() throws Exception {
        SegmentDelta delta = delta(new Random(3), 40);
        byte[] smile = Json.binaryMapper().writeValueAsBytes(delta);
        byte[] marked = new byte[smile.length + 1];
        marked[0] = 'D';
        System.arraycopy(smile, 0, marked, 1, smile.length);

        assertThat(tree(serde.deserializer().deserialize("by-segment", marked))).isEqualTo(tree(delta));
    }

    @Test
    void aCutDeltaIsAnError() {
        byte[] written = serde.serializer().serialize("by-segment", delta(new Random(5), 10));

        assertThatThrownBy(() -> serde.deserializer().deserialize("by-segment", Arrays.copyOf(written, written.length - 3)))
                .isInstanceOf(SerializationException.class);
        byte[] longer = Arrays.copyOf(written, written.length + 1);
        assertThatThrownBy(() -> serde.deserializer().deserialize("by-segment", longer)).isInstanceOf(SerializationException.class);
    }

    /** What {@code items} random items, a sixth of them retracted again, add to one segment. */
    private static SegmentDelta delta(Random random, int items) {
        SegmentDeltaCollector delta = new SegmentDeltaCollector(CONFIGURATION);
        Instant start = Instant.parse("2026-11-20T10:00:00Z").plusNanos(random.nextInt(1_000_000_000));
        for (int i = 0; i < items; i++) {
            Instant at = start.plusMillis(random.nextInt(3_600_000));
            double score = random.nextDouble() * 2 - 1;
            SentimentLabel label = SentimentLabel.values()[random.nextInt(3)];
            AnnotatedFeedback item = AnnotatedFeedbacks.aboutTheme("item-" + i, at, THEMES[random.nextInt(THEMES.length)], label, score,
                    Map.of("team", "alpha"), TERMS[random.nextInt(TERMS.length)]);
            switch (random.nextInt(4)) {
                case 0 -> item = AnnotatedFeedbacks.rated(item, 1 + random.nextInt(5));
                case 1 -> item = AnnotatedFeedbacks.unscored(item, random.nextBoolean() ? "fr" : "de");
                case 2 -> item = AnnotatedFeedbacks.receivedAt(item, at.plus(Duration.ofHours(2)));
                default -> { }
            }
            SegmentUpdate update = SegmentUpdate.of(item, RatingScales.defaults());
            delta.collect(new ItemChange(update, CONFIGURATION));
            if (random.nextInt(6) == 0) {
                delta.collect(new ItemChange(update.retraction(), CONFIGURATION));
            }
        }
        return delta.toDelta();
    }

    private static JsonNode tree(SegmentDelta delta) {
        return Json.mapper().valueToTree(delta);
    }
}
