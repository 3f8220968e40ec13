package io.github.vocstream.common.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.TextLanguage;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemeSentiment;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads annotated feedback, the aggregator's input, with Jackson's streaming parser straight into its records: data
 * binding spent about half of the aggregator's parsing time looking up creator properties and buffering their values.
 * Only the form the sentiment service writes is read here: JSON text, each field once and with its own token type,
 * instants in the plain UTC form. Anything else, including every record that does not parse, goes to data binding
 * ({@link JsonSerde}), so the result, or the error, is always the one data binding gives ({@code
 * AnnotatedFeedbackReaderTest} compares both on random and mangled records). A field added to these records must be
 * added here too; until it is, that test fails.
 */
public final class AnnotatedFeedbackReader implements Deserializer<AnnotatedFeedback> {

    private final JsonSerde<AnnotatedFeedback> dataBinding = JsonSerde.of(AnnotatedFeedback.class);

    @Override
    public AnnotatedFeedback deserialize(String topic, byte[] data) {
        if (data != null && !Json.isBinary(data)) {
            try {
                return read(data);
            } catch (IOException | RuntimeException e) {
                // Not the usual form, or not valid at all: data binding decides, and words the error.
            }
        }
        return dataBinding.deserialize(topic, data);
    }

    /** Thrown where the input leaves the usual form; without a stack trace, as it only means "ask data binding". */
    private static final class Unusual extends RuntimeException {
        private static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super(null, null, false, false);
        }
    }

    /** The usual form, read on its own; throws where it is not that. */
    static AnnotatedFeedback read(byte[] data) throws IOException {
        // From the mapper, not its factory: the mapper's parser features (the fast double parser) apply.
        try (JsonParser parser = Json.mapper().createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw Unusual.INSTANCE;
            }
            AnnotatedFeedback feedback = annotated(parser);
            if (parser.nextToken() != null) {
                throw Unusual.INSTANCE;
            }
            return feedback;
        }
    }

    /** Each of an object's fields once: {@code seen} has a bit per field, and a field seen twice is unusual. */
    private static int once(int seen, int field) {
        int bit = 1 << field;
        if ((seen & bit) != 0) {
            throw Unusual.INSTANCE;
        }
        return seen | bit;
    }

    private static AnnotatedFeedback annotated(JsonParser parser) throws IOException {
        int schemaVersion = 0;
        FeedbackEvent feedback = null;
        DocumentSentiment document = null;
        List<SentenceSentiment> sentences = null;
        List<ThemeSentiment> themes = null;
        Instant annotatedAt = null;
        String model = null;
        TextLanguage language = null;
        int seen = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "schemaVersion" -> {
                    seen = once(seen, 0);
                    schemaVersion = integer(parser, token);
                }
                case "feedback" -> {
                    seen = once(seen, 1);
                    feedback = isNull(token) ? null : feedbackEvent(parser, token);
                }
                case "document" -> {
                    seen = once(seen, 2);
                    document = isNull(token) ? null : document(parser, token);
                }
                case "sentences" -> {
                    seen = once(seen, 3);
                    sentences = isNull(token) ? null : sentences(parser, token);
                }
                case "themes" -> {
                    seen = once(seen, 4);
                    themes = isNull(token) ? null : themeSentiments(parser, token);
                }
                case "annotatedAt" -> {
                    seen = once(seen, 5);
                    annotatedAt = instant(parser, token);
                }
                case "model" -> {
                    seen = once(seen, 6);
                    model = string(parser, token);
                }
                case "language" -> {
                    seen = once(seen, 7);
                    language = isNull(token) ? null : textLanguage(parser, token);
                }
                default -> parser.skipChildren();
            }
        }
        return new AnnotatedFeedback(schemaVersion, feedback, document, sentences, themes, annotatedAt, model, language);
    }

    private static FeedbackEvent feedbackEvent(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        int schemaVersion = 0;
        String id = null;
        String source = null;
        String externalId = null;
        Channel channel = null;
        String text = null;
        String title = null;
        String language = null;
        Integer rating = null;
        String author = null;
        Instant occurredAt = null;
        Instant receivedAt = null;
        Map<String, String> segments = null;
        List<String> tags = null;
        int seen = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "schemaVersion" -> {
                    seen = once(seen, 0);
                    schemaVersion = integer(parser, token);
                }
                case "id" -> {
                    seen = once(seen, 1);
                    id = string(parser, token);
                }
                case "source" -> {
                    seen = once(seen, 2);
                    source = string(parser, token);
                }
                case "externalId" -> {
                    seen = once(seen, 3);
                    externalId = string(parser, token);
                }
                case "channel" -> {
                    seen = once(seen, 4);
                    channel = channel(parser, token);
                }
                case "text" -> {
                    seen = once(seen, 5);
                    text = string(parser, token);
                }
                case "title" -> {
                    seen = once(seen, 6);
                    title = string(parser, token);
                }
                case "language" -> {
                    seen = once(seen, 7);
                    language = string(parser, token);
                }
                case "rating" -> {
                    seen = once(seen, 8);
                    rating = isNull(token) ? null : integer(parser, token);
                }
                case "author" -> {
                    seen = once(seen, 9);
                    author = string(parser, token);
                }
                case "occurredAt" -> {
                    seen = once(seen, 10);
                    occurredAt = instant(parser, token);
                }
                case "receivedAt" -> {
                    seen = once(seen, 11);
                    receivedAt = instant(parser, token);
                }
                case "segments" -> {
                    seen = once(seen, 12);
                    segments = isNull(token) ? null : stringMap(parser, token);
                }
                case "tags" -> {
                    seen = once(seen, 13);
                    tags = isNull(token) ? null : strings(parser, token);
                }
                default -> parser.skipChildren();
            }
        }
        return new FeedbackEvent(schemaVersion, id, source, externalId, channel, text, title, language, rating, author,
                occurredAt, receivedAt, segments, tags);
    }

    private static DocumentSentiment document(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        SentimentLabel label = null;
        double score = 0;
        Double probability = null;
        int seen = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "label" -> {
                    seen = once(seen, 0);
                    label = label(parser, token);
                }
                case "score" -> {
                    seen = once(seen, 1);
                    score = number(parser, token);
                }
                case "probability" -> {
                    seen = once(seen, 2);
                    probability = isNull(token) ? null : number(parser, token);
                }
                default -> parser.skipChildren();
            }
        }
        return new DocumentSentiment(label, score, probability);
    }

    private static List<SentenceSentiment> sentences(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<SentenceSentiment> sentences = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            sentences.add(sentence(parser, token));
        }
        return sentences;
    }

    private static SentenceSentiment sentence(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        int begin = 0;
        int end = 0;
        int sentimentClass = 0;
        List<Double> probabilities = null;
        double score = 0;
        List<ThemeMention> themes = null;
        List<String> candidateTerms = null;
        SentimentLabel label = null;
        int seen = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "begin" -> {
                    seen = once(seen, 0);
                    begin = integer(parser, token);
                }
                case "end" -> {
                    seen = once(seen, 1);
                    end = integer(parser, token);
                }
                case "sentimentClass" -> {
                    seen = once(seen, 2);
                    sentimentClass = integer(parser, token);
                }
                case "probabilities" -> {
                    seen = once(seen, 3);
                    probabilities = isNull(token) ? null : numbers(parser, token);
                }
                case "score" -> {
                    seen = once(seen, 4);
                    score = number(parser, token);
                }
                case "themes" -> {
                    seen = once(seen, 5);
                    themes = isNull(token) ? null : themeMentions(parser, token);
                }
                case "candidateTerms" -> {
                    seen = once(seen, 6);
                    candidateTerms = isNull(token) ? null : strings(parser, token);
                }
                case "label" -> {
                    seen = once(seen, 7);
                    label = label(parser, token);
                }
                default -> parser.skipChildren();
            }
        }
        return new SentenceSentiment(begin, end, sentimentClass, probabilities, score, themes, candidateTerms, label);
    }

    private static List<ThemeMention> themeMentions(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<ThemeMention> mentions = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            mentions.add(themeMention(parser, token));
        }
        return mentions;
    }

    private static ThemeMention themeMention(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        String theme = null;
        int begin = 0;
        int end = 0;
        SentimentLabel label = null;
        double score = 0;
        Double probability = null;
        int seen = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "theme" -> {
                    seen = once(seen, 0);
                    theme = string(parser, token);
                }
                case "begin" -> {
                    seen = once(seen, 1);
                    begin = integer(parser, token);
                }
                case "end" -> {
                    seen = once(seen, 2);
                    end = integer(parser, token);
                }
                case "label" -> {
                    seen = once(seen, 3);
                    label = label(parser, token);
                }
                case "score" -> {
                    seen = once(seen, 4);
                    score = number(parser, token);
                }
                case "probability" -> {
                    seen = once(seen, 5);
                    probability = isNull(token) ? null : number(parser, token);
                }
                default -> parser.skipChildren();
            }
        }
        return new ThemeMention(theme, begin, end, label, score, probability);
    }

    private static List<ThemeSentiment> themeSentiments(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<ThemeSentiment> themes = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            themes.add(themeSentiment(parser, token));
        }
        return themes;
    }

    private static ThemeSentiment themeSentiment(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        String theme = null;
        int mentions = 0;
        SentimentLabel label = null;
        double score = 0;
        int seen = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "theme" -> {
                    seen = once(seen, 0);
                    theme = string(parser, token);
                }
                case "mentions" -> {
                    seen = once(seen, 1);
                    mentions = integer(parser, token);
                }
                case "label" -> {
                    seen = once(seen, 2);
                    label = label(parser, token);
                }
                case "score" -> {
                    seen = once(seen, 3);
                    score = number(parser, token);
                }
                default -> parser.skipChildren();
            }
        }
        return new ThemeSentiment(theme, mentions, label, score);
    }

    private static TextLanguage textLanguage(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        String tag = null;
        String detected = null;
        String declared = null;
        int seen = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "tag" -> {
                    seen = once(seen, 0);
                    tag = string(parser, token);
                }
                case "detected" -> {
                    seen = once(seen, 1);
                    detected = string(parser, token);
                }
                case "declared" -> {
                    seen = once(seen, 2);
                    declared = string(parser, token);
                }
                default -> parser.skipChildren();
            }
        }
        return new TextLanguage(tag, detected, declared);
    }

    private static boolean isNull(JsonToken token) {
        return token == JsonToken.VALUE_NULL;
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw Unusual.INSTANCE;
        }
    }

    private static int integer(JsonParser parser, JsonToken token) throws IOException {
        expect(token, JsonToken.VALUE_NUMBER_INT);
        return parser.getIntValue();
    }

    /** A double, which data binding also reads from an integer. */
    private static double number(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
            throw Unusual.INSTANCE;
        }
        return parser.getDoubleValue();
    }

    private static String string(JsonParser parser, JsonToken token) throws IOException {
        if (isNull(token)) {
            return null;
        }
        expect(token, JsonToken.VALUE_STRING);
        return parser.getText();
    }

    private static Instant instant(JsonParser parser, JsonToken token) throws IOException {
        String text = string(parser, token);
        if (text == null) {
            return null;
        }
        Instant instant = Instants.parsePlainUtc(text);
        if (instant == null) {
            throw Unusual.INSTANCE;
        }
        return instant;
    }

    /** As {@link SentimentLabel} is written: its lower-case name. */
    private static SentimentLabel label(JsonParser parser, JsonToken token) throws IOException {
        String text = string(parser, token);
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "negative" -> SentimentLabel.NEGATIVE;
            case "neutral" -> SentimentLabel.NEUTRAL;
            case "positive" -> SentimentLabel.POSITIVE;
            default -> throw Unusual.INSTANCE;
        };
    }

    /** As {@link Channel} is written: its name. */
    private static Channel channel(JsonParser parser, JsonToken token) throws IOException {
        String text = string(parser, token);
        if (text == null) {
            return null;
        }
        for (Channel channel : Channel.values()) {
            if (channel.name().equals(text)) {
                return channel;
            }
        }
        throw Unusual.INSTANCE;
    }

    private static List<Double> numbers(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<Double> numbers = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            numbers.add(number(parser, token));
        }
        return numbers;
    }

    private static List<String> strings(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<String> strings = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            expect(token, JsonToken.VALUE_STRING);
            strings.add(parser.getText());
        }
        return strings;
    }

    private static Map<String, String> stringMap(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        Map<String, String> map = new HashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            expect(token, JsonToken.VALUE_STRING);
            if (map.put(name, parser.getText()) != null) {
                throw Unusual.INSTANCE;
            }
        }
        return map;
    }
}
