package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The {@code counted-feedback} store's records: what is read is what was written, whatever the item (themes, terms,
 * ratings on each scale, unscored languages, no language), records in Smile from the versions before read as they
 * did, and a damaged record is an error, not a different record.
 */
class CountedSerdeTest {

    private static final String[] THEMES = {"delivery/late", "billing", "staff/attitude"};
    private static final String[] TERMS = {"courier app", "gift card", "parcel locker"};
    private final CountedSerde serde = new CountedSerde();

    @Property
    void aRecordReadsBackAsWritten(@ForAll long seed) {
        Counted counted = counted(new Random(seed));

        byte[] written = serde.serializer().serialize("counted", counted);

        assertThat(written[0]).isEqualTo(CountedSerde.COMPACT);
        assertThat(serde.deserializer().deserialize("counted", written)).isEqualTo(counted);
    }

    @Test
    void aRetractedIdReadsBackAsRetracted() {
        byte[] written = serde.serializer().serialize("counted", Counted.RETRACTED);

        assertThat(serde.deserializer().deserialize("counted", written)).isEqualTo(Counted.RETRACTED);
    }

    @Property(tries = 50)
    void aRecordInSmileFromTheVersionsBeforeReadsAsItWasWritten(@ForAll long seed) {
        Counted counted = counted(new Random(seed));
        byte[] smile = JsonSerde.binary(Counted.class).serialize("counted", counted);

        assertThat(serde.deserializer().deserialize("counted", smile)).isEqualTo(counted);
    }

    /** The point of the layout: the store keeps one of these for every id ever counted. */
    @Property(tries = 50)
    void aRecordTakesUnderTwoThirdsOfItsSmile(@ForAll long seed) {
        Counted counted = counted(new Random(seed));

        assertThat(serde.serializer().serialize("counted", counted).length)
                .isLessThan(JsonSerde.binary(Counted.class).serialize("counted", counted).length * 2 / 3);
    }

    @Test
    void aCutOrLongerRecordIsAnError() {
        byte[] written = serde.serializer().serialize("counted", counted(new Random(5)));

        for (int cut = 1; cut < written.length; cut++) {
            byte[] shorter = Arrays.copyOf(written, cut);
            assertThatThrownBy(() -> serde.deserializer().deserialize("counted", shorter)).as("cut at %d", cut)
                    .isInstanceOf(SerializationException.class);
        }
        byte[] longer = Arrays.copyOf(written, written.length + 1);
        assertThatThrownBy(() -> serde.deserializer().deserialize("counted", longer)).isInstanceOf(SerializationException.class);
    }

    /** What the first step keeps for an item: its segments, and its retraction. */
    private static Counted counted(Random random) {
        Instant at = Instant.parse("2026-11-20T10:00:00Z").plusNanos(random.nextLong(3_600_000_000_000L));
        double score = random.nextDouble() * 2 - 1;
        SentimentLabel label = SentimentLabel.values()[random.nextInt(3)];
        String[] terms = random.ints(random.nextInt(3), 0, TERMS.length).mapToObj(i -> TERMS[i]).distinct().toArray(String[]::new);
        AnnotatedFeedback item = AnnotatedFeedbacks.aboutTheme("item-" + random.nextInt(1000), at, THEMES[random.nextInt(THEMES.length)],
                label, score, Map.of("team", "alpha"), terms);
        switch (random.nextInt(5)) {
            case 0 -> item = AnnotatedFeedbacks.rated(item, 1 + random.nextInt(5));
            case 1 -> item = AnnotatedFeedbacks.unscored(item, random.nextBoolean() ? "fr" : "de");
            case 2 -> item = AnnotatedFeedbacks.receivedAt(item, at.plus(Duration.ofHours(2)));
            case 3 -> item = AnnotatedFeedbacks.inLanguage(item, "en");
            default -> { }
        }
        SegmentUpdate update = SegmentUpdate.of(item, RatingScales.defaults());
        return new Counted(List.of("all", "team=alpha", "source=trustpilot", "team=alpha/persona"), update.retraction());
    }
}
