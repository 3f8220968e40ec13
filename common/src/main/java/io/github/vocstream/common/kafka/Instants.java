package io.github.vocstream.common.kafka;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Instants read and written as Jackson's Java time module does, without its costly steps where the aggregator
 * spent most of its time on them: it parses every ISO text with a {@code DateTimeFormatter} (a tenth of parsing an
 * annotated record), and writes an instant as a decimal number by formatting it as text and parsing that into a
 * {@code BigDecimal}. Here the plain UTC form ({@code 2026-11-30T04:14:00.123Z}) is read directly and the decimal is
 * built from its digits; the same values come out, in the same form. Anything else (offsets, years past 9999, leap
 * seconds, instants before 1970) goes to Jackson's own code, which decides as before.
 */
final class Instants {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Seconds below this times 10^9 fit a long. */
    private static final long MAX_COMPACT_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;
    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Instants() {
    }

    /** Reads the plain UTC form directly; for the JSON text mapper and the Smile one, which reads text written before. */
    static SimpleModule reading() {
        return new SimpleModule("instants-read").addDeserializer(Instant.class, new Reader());
    }

    /** Also writes instants as decimal seconds built from their digits; for the Smile mapper. */
    static SimpleModule readingAndWritingDecimals() {
        return reading().addSerializer(Instant.class, new DecimalWriter());
    }

    /**
     * {@code text} as an instant if it is in the plain form {@code uuuu-MM-ddTHH:mm:ss[.f{1,9}]Z} with a valid date and
     * time; null otherwise (then Jackson's parser decides).
     */
    static Instant parsePlainUtc(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits == 0) {
                return null;
            }
            int fraction = digits(text, 20, fractionDigits);
            nanos = fraction < 0 ? -1 : fraction * SCALE[fractionDigits - 1];
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal digits {@code text[from, from + count)} as a number; -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Decimal seconds with nine digits of nanoseconds, as Jackson writes them; null where Jackson's own code writes. */
    static BigDecimal decimalSeconds(Instant instant) {
        long seconds = instant.getEpochSecond();
        return seconds > 0 && seconds < MAX_COMPACT_SECONDS
                ? BigDecimal.valueOf(seconds * NANOS_PER_SECOND + instant.getNano(), 9) : null;
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant plain = parsePlainUtc(parser.getText());
                if (plain != null) {
                    return plain;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    /** For the Smile mapper, which writes dates as timestamps with nanoseconds. */
    private static final class DecimalWriter extends StdSerializer<Instant> {

        DecimalWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            BigDecimal seconds = decimalSeconds(value);
            if (seconds == null) {
                InstantSerializer.INSTANCE.serialize(value, generator, provider);
            } else {
                generator.writeNumber(seconds);
            }
        }
    }
}
