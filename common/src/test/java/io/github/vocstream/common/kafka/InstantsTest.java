package io.github.vocstream.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The mappers read and write instants exactly as Jackson's Java time module does: the same instants from the same
 * text (or the same failure), and in Smile the same bytes.
 */
class InstantsTest {

    private static final ObjectMapper JACKSON_TEXT = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final ObjectMapper JACKSON_SMILE = SmileMapper.builder().addModule(new JavaTimeModule())
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Property
    void readsThePlainUtcFormWithAnyNumberOfFractionDigits(@ForAll("instants") Instant instant, @ForAll @IntRange(max = 9) int digits) {
        String seconds = instant.toString().substring(0, 19);
        String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
        String text = seconds + (digits == 0 ? "" : "." + fraction) + "Z";

        assertThat(Instants.parsePlainUtc(text)).isEqualTo(Instant.parse(text));
    }

    @Property
    void readsTextAsJacksonDoes(@ForAll("nearlyInstants") String text) {
        assertThat(read(Json.mapper(), text)).isEqualTo(read(JACKSON_TEXT, text));
    }

    @Property
    void writesTheSameSmileAsJackson(@ForAll("instants") Instant instant) throws Exception {
        byte[] ours = Json.binaryMapper().writeValueAsBytes(new Holder(instant));

        assertThat(ours).isEqualTo(JACKSON_SMILE.writeValueAsBytes(new Holder(instant)));
        assertThat(Json.binaryMapper().readValue(ours, Holder.class).at()).isEqualTo(instant);
    }

    record Holder(Instant at) {
    }

    /** What reading {@code text} as a JSON string gives: the instant, or the kind of failure. */
    private static Object read(ObjectMapper mapper, String text) {
        try {
            return mapper.readValue(JACKSON_TEXT.writeValueAsString(text), Instant.class);
        } catch (Exception e) {
            return e.getClass();
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(), Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
                Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L),
                Arbitraries.of(0L, 1L, -1L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(0, 999).map(millis -> millis * 1_000_000), Arbitraries.just(0));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** Instants in ISO text, and that text with a character changed, added or taken out. */
    @Provide
    Arbitrary<String> nearlyInstants() {
        Arbitrary<String> texts = instants().map(Instant::toString);
        Arbitrary<Character> characters = Arbitraries.of('0', '5', '9', '-', ':', 'T', 'Z', '.', '+', ' ', 'x');
        return Combinators.combine(texts, Arbitraries.integers().between(0, 40), characters, Arbitraries.integers().between(0, 3))
                .as((text, at, character, change) -> {
                    int i = Math.min(at, text.length() - 1);
                    return switch (change) {
                        case 0 -> text;
                        case 1 -> text.substring(0, i) + character + text.substring(i + 1);
                        case 2 -> text.substring(0, i) + character + text.substring(i);
                        default -> text.substring(0, i) + text.substring(i + 1);
                    };
                });
    }
}
