package io.github.vocstream.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.TextLanguage;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemeSentiment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader gives what data binding gives: the same records from what the sentiment service writes, and
 * the same record or an error from anything else (fields missing, doubled, of another type, unknown; text cut short).
 */
class AnnotatedFeedbackReaderTest {

    private static final AnnotatedFeedbackReader READER = new AnnotatedFeedbackReader();
    private static final JsonSerde<AnnotatedFeedback> DATA_BINDING = JsonSerde.of(AnnotatedFeedback.class);
    /** Values a mangled field may get instead of its own. */
    private static final List<JsonNode> OTHER_VALUES = List.of(JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.numberNode(3_000_000_000L),
            JsonNodeFactory.instance.numberNode(1.5), JsonNodeFactory.instance.numberNode(2.0),
            JsonNodeFactory.instance.textNode("x"), JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("7"),
            JsonNodeFactory.instance.textNode("NEGATIVE"), JsonNodeFactory.instance.textNode("negative"),
            JsonNodeFactory.instance.textNode("review"), JsonNodeFactory.instance.textNode("2026-01-01T00:00:00+01:00"),
            JsonNodeFactory.instance.textNode("2026-01-01T00:00:00Z"), JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.arrayNode().add(1.0).add("x"),
            JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode().put("theme", "price"));

    @Property
    void readsWhatTheSentimentServiceWritesOnItsOwn(@ForAll("usual") AnnotatedFeedback feedback) throws Exception {
        byte[] written = Json.mapper().writeValueAsBytes(feedback);

        assertThat(AnnotatedFeedbackReader.read(written)).isEqualTo(feedback);
    }

    @Property
    void readsWhatIsWrittenAsDataBindingDoes(@ForAll("annotated") AnnotatedFeedback feedback) throws Exception {
        byte[] written = Json.mapper().writeValueAsBytes(feedback);

        AnnotatedFeedback read = READER.deserialize("annotated", written);

        assertThat(read).isEqualTo(DATA_BINDING.deserialize("annotated", written)).isEqualTo(feedback);
    }

    @Property(tries = 2000)
    void readsAnythingElseAsDataBindingDoes(@ForAll("annotated") AnnotatedFeedback feedback, @ForAll Random random) throws Exception {
        byte[] mangled = mangled(Json.mapper().valueToTree(feedback), random);

        assertThat(outcome(() -> READER.deserialize("annotated", mangled)))
                .isEqualTo(outcome(() -> DATA_BINDING.deserialize("annotated", mangled)));
    }

    @Test
    void readsNullAndSmileAsDataBindingDoes() throws Exception {
        assertThat(READER.deserialize("annotated", null)).isNull();
        assertThat(outcome(() -> READER.deserialize("annotated", new byte[0])))
                .isEqualTo(outcome(() -> DATA_BINDING.deserialize("annotated", new byte[0])));
        AnnotatedFeedback feedback = new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION, new FeedbackEvent(1, "s:1", "s", "1",
                Channel.REVIEW, "Fine.", null, null, null, null, null, null, null, null), null, List.of(), List.of(), null);
        assertThat(READER.deserialize("annotated", Json.binaryMapper().writeValueAsBytes(feedback))).isEqualTo(feedback);
    }

    private interface Read {
        AnnotatedFeedback read();
    }

    /** The record read, or that reading failed as a serializer's failure must (with a SerializationException). */
    private static Object outcome(Read read) {
        try {
            return read.read();
        } catch (SerializationException e) {
            return SerializationException.class;
        }
    }

    /** The record's JSON with one thing changed at a random place. */
    private static byte[] mangled(JsonNode tree, Random random) throws Exception {
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        int change = random.nextInt(6);
        if (container instanceof ObjectNode object && object.size() > 0 && change < 3) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (change) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, OTHER_VALUES.get(random.nextInt(OTHER_VALUES.size())));
                default -> {
                    // The same field twice (which a tree cannot hold): its first appearance again, with another value.
                    String text = Json.mapper().writeValueAsString(tree);
                    String field = Json.mapper().writeValueAsString(name) + ":"
                            + Json.mapper().writeValueAsString(OTHER_VALUES.get(random.nextInt(OTHER_VALUES.size())));
                    int at = text.indexOf(Json.mapper().writeValueAsString(name) + ":");
                    return (text.substring(0, at) + field + "," + text.substring(at)).getBytes(StandardCharsets.UTF_8);
                }
            }
        } else if (container instanceof ObjectNode object && change == 3) {
            object.set("unknown" + random.nextInt(3), OTHER_VALUES.get(random.nextInt(OTHER_VALUES.size())));
        } else if (container instanceof ArrayNode array && array.size() > 0 && change < 4) {
            array.set(random.nextInt(array.size()), OTHER_VALUES.get(random.nextInt(OTHER_VALUES.size())));
        } else if (change == 4) {
            byte[] whole = Json.mapper().writeValueAsBytes(tree);
            return Arrays.copyOf(whole, random.nextInt(whole.length));
        } else {
            return ("[" + Json.mapper().writeValueAsString(tree) + "]" + (random.nextBoolean() ? "" : " {}"))
                    .getBytes(StandardCharsets.UTF_8);
        }
        return Json.mapper().writeValueAsBytes(tree);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collect(children.next(), containers);
            }
        }
    }

    /** With instants from 1970 to 2100, which ISO text writes in the plain form. */
    @Provide
    Arbitrary<AnnotatedFeedback> usual() {
        return annotated(Arbitraries.oneOf(Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli),
                Combinators.combine(Arbitraries.longs().between(0, 4_102_444_800L), Arbitraries.integers().between(0, 999_999_999))
                        .as(Instant::ofEpochSecond)));
    }

    /** Also with instants before year 0 and after 9999, whose text has a sign. */
    @Provide
    Arbitrary<AnnotatedFeedback> annotated() {
        return annotated(Arbitraries.oneOf(Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli),
                Combinators.combine(Arbitraries.longs().between(-62_000_000_000L, 300_000_000_000L),
                        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond)));
    }

    private static Arbitrary<AnnotatedFeedback> annotated(Arbitrary<Instant> instants) {
        Arbitrary<SentimentLabel> labels = Arbitraries.of(SentimentLabel.class).injectNull(0.2);
        Arbitrary<Double> numbers = Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.doubles().between(-1, 1),
                Arbitraries.of(0.0, -0.0, 1.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e300, 4.9e-324));
        Arbitrary<String> texts = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<ThemeMention> mentions = Combinators.combine(texts, Arbitraries.integers(), Arbitraries.integers(), labels,
                numbers, numbers.injectNull(0.5)).as(ThemeMention::new);
        Arbitrary<SentenceSentiment> sentences = Combinators.combine(Arbitraries.integers().between(0, 5000),
                        Arbitraries.integers().between(0, 5000), Arbitraries.integers().between(0, 4), numbers.list().ofMaxSize(5),
                        numbers, mentions.list().ofMaxSize(3), texts.list().ofMaxSize(3), labels)
                .as(SentenceSentiment::new);
        Arbitrary<ThemeSentiment> themes = Combinators.combine(texts, Arbitraries.integers(), labels, numbers).as(ThemeSentiment::new);
        // Id, source, external id, title, language, author.
        Arbitrary<String[]> names = Combinators.combine(texts, texts.injectNull(0.2), texts.injectNull(0.2), texts.injectNull(0.5),
                texts.injectNull(0.5), texts.injectNull(0.5)).as((id, source, externalId, title, language, author) ->
                new String[] {id, source, externalId, title, language, author});
        Arbitrary<FeedbackEvent> events = Combinators.combine(names, Arbitraries.of(Channel.class), Arbitraries.strings().ofMaxLength(200),
                        Arbitraries.integers().between(-1, 10).injectNull(0.5), instants.injectNull(0.2), instants.injectNull(0.2),
                        Arbitraries.maps(texts, texts).ofMaxSize(3).injectNull(0.3), texts.list().ofMaxSize(3).injectNull(0.3))
                .as((name, channel, text, rating, occurredAt, receivedAt, segments, tags) -> new FeedbackEvent(
                        FeedbackEvent.SCHEMA_VERSION, name[0], name[1], name[2], channel, text, name[3], name[4], rating, name[5],
                        occurredAt, receivedAt, segments, tags));
        Arbitrary<DocumentSentiment> documents = Combinators.combine(labels, numbers, numbers.injectNull(0.5))
                .as(DocumentSentiment::new).injectNull(0.2);
        Arbitrary<TextLanguage> languages = Combinators.combine(texts, texts.injectNull(0.3), texts.injectNull(0.5))
                .as(TextLanguage::new).injectNull(0.3);
        return Combinators.combine(Arbitraries.integers().between(0, 3), events, documents, sentences.list().ofMaxSize(4),
                        themes.list().ofMaxSize(3), instants.injectNull(0.2), texts.injectNull(0.3), languages)
                .as(AnnotatedFeedback::new);
    }
}
