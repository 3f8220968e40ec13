package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.Ratings;
import io.github.vocstream.common.event.SentimentLabel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link SegmentDelta} field by field in a fixed order, for the repartition topic by segment: writing and reading
 * deltas with Jackson (Smile) was about a quarter of the aggregator's stream thread, most of it in the data binding,
 * not in the bytes. Nothing here is kept beyond the topic's retention (seconds), so the layout can change with a new
 * marker ({@link SegmentDeltaSerde}).
 *
 * <p>Written behind {@link #COMPACT}: whole numbers as zigzag varints, doubles as their eight bytes, each string once
 * per delta (UTF-8 behind its length; later the same string as the number of its first appearance), and a subject's
 * mentions as the differences between them. A segment that few of a commit's items share carries a sentence per
 * theme and term for nearly every item, and the same sentence and feedback id for each theme the sentence speaks of,
 * so sentences were most of the bytes the broker wrote and served for the aggregator. Deltas behind {@link #FIXED}
 * (the layout before: numbers big-endian and fixed-width, every string in full) still read.
 */
final class SegmentDeltaCodec {

    private SegmentDeltaCodec() {
    }

    /** The marker of what {@link #write} writes. */
    static final byte COMPACT = 'C';
    /** The marker of the layout before, which {@link #read} still reads. */
    static final byte FIXED = 'B';

    /** One buffer per thread, kept between deltas: growing a fresh one for each delta was about 5 % of the thread. */
    private static final ThreadLocal<Output> OUTPUTS = ThreadLocal.withInitial(Output::new);

    static byte[] write(SegmentDelta delta) {
        Output out = OUTPUTS.get();
        out.clear();
        out.writeByte(COMPACT);
        out.writeInt(delta.items());
        out.writeLong(delta.time());
        writeTally(out, delta.totals());
        writeInstant(out, delta.lastFeedbackAt());
        writeMap(out, delta.themes(), (stats, o) -> {
            writeTally(o, stats.tally());
            writeInstant(o, stats.lastMentionAt());
            writeEvidence(o, stats.evidence());
        });
        writeMap(out, delta.candidates(), (stats, o) -> {
            o.writeLong(stats.mentions());
            o.writeDouble(stats.recent());
            o.writeDouble(stats.baseline());
            writeInstant(o, stats.decayedTo());
            writeEvidence(o, stats.evidence());
        });
        writeMap(out, delta.minutes(), SegmentDeltaCodec::writeBuckets);
        writeMap(out, delta.hours(), SegmentDeltaCodec::writeBuckets);
        writeStrings(out, delta.retracted());
        writeMap(out, delta.mentions(), (mentions, o) -> writeMentions(o, mentions.packed()));
        writeStrings(out, delta.termsSaid());
        return out.toByteArray();
    }

    /** Reads a delta behind either marker. */
    static SegmentDelta read(byte[] data) throws IOException {
        if (data.length == 0 || data[0] != COMPACT && data[0] != FIXED) {
            throw new IOException("not a delta of this codec");
        }
        Input in = new Input(ByteBuffer.wrap(data, 1, data.length - 1), data[0] == COMPACT);
        int items = in.readInt();
        long time = in.readLong();
        Tally totals = readTally(in);
        Instant lastFeedbackAt = readInstant(in);
        Map<String, ThemeStats> themes = readMap(in, i -> new ThemeStats(readTally(i), readInstant(i), readEvidence(i)));
        Map<String, CandidateStats> candidates = readMap(in, i -> new CandidateStats(i.readLong(), i.readDouble(), i.readDouble(),
                readInstant(i), readEvidence(i)));
        Map<String, Map<Long, Tally>> minutes = readMap(in, SegmentDeltaCodec::readBuckets);
        Map<String, Map<Long, Tally>> hours = readMap(in, SegmentDeltaCodec::readBuckets);
        Set<String> retracted = readStrings(in);
        Map<String, Mentions> mentions = readMap(in, i -> new Mentions(readMentions(i)));
        Set<String> termsSaid = readStrings(in);
        if (in.remaining() != 0) {
            throw new IOException(in.remaining() + " bytes after the delta");
        }
        return new SegmentDelta(items, time, totals, lastFeedbackAt, themes, candidates, minutes, hours, retracted, mentions, termsSaid);
    }

    private interface Writer<T> {
        void write(T value, Output out);
    }

    private interface Reader<T> {
        T read(Input in) throws IOException;
    }

    private static <T> void writeMap(Output out, Map<String, T> map, Writer<T> values) {
        out.writeInt(map.size());
        for (Map.Entry<String, T> entry : map.entrySet()) {
            out.writeString(entry.getKey());
            values.write(entry.getValue(), out);
        }
    }

    private static <T> Map<String, T> readMap(Input in, Reader<T> values) throws IOException {
        int size = in.readInt();
        Map<String, T> map = new HashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readString(), values.read(in));
        }
        return map;
    }

    private static void writeBuckets(Map<Long, Tally> buckets, Output out) {
        out.writeInt(buckets.size());
        for (Map.Entry<Long, Tally> bucket : buckets.entrySet()) {
            out.writeLong(bucket.getKey());
            writeTally(out, bucket.getValue());
        }
    }

    private static Map<Long, Tally> readBuckets(Input in) throws IOException {
        int size = in.readInt();
        Map<Long, Tally> buckets = new HashMap<>();
        for (int i = 0; i < size; i++) {
            buckets.put(in.readLong(), readTally(in));
        }
        return buckets;
    }

    private static void writeTally(Output out, Tally tally) {
        out.writeLong(tally.count());
        out.writeLong(tally.negative());
        out.writeLong(tally.neutral());
        out.writeLong(tally.positive());
        out.writeDouble(tally.scoreSum());
        writeLongs(out, tally.ratings().nps());
        writeLongs(out, tally.ratings().csat());
        writeLongs(out, tally.ratings().stars());
        out.writeInt(tally.unscored().size());
        for (Map.Entry<String, Long> language : tally.unscored().entrySet()) {
            out.writeString(language.getKey());
            out.writeLong(language.getValue());
        }
    }

    private static Tally readTally(Input in) throws IOException {
        long count = in.readLong();
        long negative = in.readLong();
        long neutral = in.readLong();
        long positive = in.readLong();
        double scoreSum = in.readDouble();
        Ratings ratings = new Ratings(readLongList(in), readLongList(in), readLongList(in));
        int languages = in.readInt();
        Map<String, Long> unscored = new HashMap<>();
        for (int i = 0; i < languages; i++) {
            unscored.put(in.readString(), in.readLong());
        }
        return new Tally(count, negative, neutral, positive, scoreSum, ratings, unscored);
    }

    private static void writeEvidence(Output out, List<Evidence> evidence) {
        out.writeInt(evidence.size());
        for (Evidence shown : evidence) {
            out.writeString(shown.feedbackId());
            writeInstant(out, shown.occurredAt());
            out.writeBoolean(shown.sentence() != null);
            if (shown.sentence() != null) {
                out.writeString(shown.sentence());
            }
            out.writeByte(labelCode(shown.label()));
            out.writeDouble(shown.score());
            out.writeInt(shown.highlights().size());
            for (Highlight highlight : shown.highlights()) {
                out.writeInt(highlight.begin());
                out.writeInt(highlight.end());
            }
        }
    }

    private static List<Evidence> readEvidence(Input in) throws IOException {
        int size = in.readInt();
        List<Evidence> evidence = new ArrayList<>(Math.max(0, Math.min(size, in.remaining())));
        for (int i = 0; i < size; i++) {
            String feedbackId = in.readString();
            Instant occurredAt = readInstant(in);
            String sentence = in.readBoolean() ? in.readString() : null;
            SentimentLabel label = label(in.readByte());
            double score = in.readDouble();
            int highlightCount = in.readInt();
            List<Highlight> highlights = new ArrayList<>(highlightCount);
            for (int h = 0; h < highlightCount; h++) {
                highlights.add(new Highlight(in.readInt(), in.readInt()));
            }
            evidence.add(new Evidence(feedbackId, occurredAt, sentence, label, score, highlights));
        }
        return evidence;
    }

    /** Labels by a code of their own, so that the layout does not depend on the order of the enum. */
    private static int labelCode(SentimentLabel label) {
        if (label == null) {
            return 0;
        }
        return switch (label) {
            case NEGATIVE -> 1;
            case NEUTRAL -> 2;
            case POSITIVE -> 3;
        };
    }

    private static SentimentLabel label(int code) throws IOException {
        return switch (code) {
            case 0 -> null;
            case 1 -> SentimentLabel.NEGATIVE;
            case 2 -> SentimentLabel.NEUTRAL;
            case 3 -> SentimentLabel.POSITIVE;
            default -> throw new IOException("unknown label code " + code);
        };
    }

    private static void writeInstant(Output out, Instant instant) {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(Input in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void writeStrings(Output out, Set<String> strings) {
        out.writeInt(strings.size());
        for (String string : strings) {
            out.writeString(string);
        }
    }

    private static Set<String> readStrings(Input in) throws IOException {
        int size = in.readInt();
        Set<String> strings = new HashSet<>();
        for (int i = 0; i < size; i++) {
            strings.add(in.readString());
        }
        return strings;
    }

    private static void writeLongs(Output out, List<Long> longs) {
        out.writeInt(longs.size());
        for (long value : longs) {
            out.writeLong(value);
        }
    }

    /** Mentions come nearly in order: each as its difference from the one before takes a few bytes instead of eight. */
    private static void writeMentions(Output out, long[] packed) {
        out.writeInt(packed.length);
        long before = 0;
        for (long value : packed) {
            out.writeLong(value - before);
            before = value;
        }
    }

    private static long[] readMentions(Input in) throws IOException {
        long[] values = readLongs(in);
        if (in.compact) {
            for (int i = 1; i < values.length; i++) {
                values[i] += values[i - 1];
            }
        }
        return values;
    }

    private static List<Long> readLongList(Input in) throws IOException {
        long[] longs = readLongs(in);
        List<Long> list = new ArrayList<>(longs.length);
        for (long value : longs) {
            list.add(value);
        }
        return list;
    }

    private static long[] readLongs(Input in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > in.remaining() / (in.compact ? 1 : Long.BYTES)) {
            throw new IOException("a list of " + size + " numbers in " + in.remaining() + " bytes");
        }
        long[] longs = new long[size];
        for (int i = 0; i < size; i++) {
            longs[i] = in.readLong();
        }
        return longs;
    }

    /** A growing buffer, without the locks and the byte-at-a-time calls of the java.io streams. */
    private static final class Output {

        private static final int INITIAL = 4096;
        /** A buffer larger than this (an unusually large delta) is not kept for the next one. */
        private static final int KEPT_AT_MOST = 1 << 20;

        private ByteBuffer buffer = ByteBuffer.allocate(INITIAL);
        /** This delta's strings so far, by the number of their first appearance. */
        private final Map<String, Integer> strings = new HashMap<>();

        void clear() {
            if (buffer.capacity() > KEPT_AT_MOST) {
                buffer = ByteBuffer.allocate(INITIAL);
            }
            buffer.clear();
            strings.clear();
        }

        private void room(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
                larger.put(buffer.array(), 0, buffer.position());
                buffer = larger;
            }
        }

        void writeByte(int value) {
            room(1);
            buffer.put((byte) value);
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeInt(int value) {
            writeLong(value);
        }

        /** Zigzag (small negative numbers stay small), then seven bits a byte, the lowest first. */
        void writeLong(long value) {
            writeUnsigned((value << 1) ^ (value >> 63));
        }

        private void writeUnsigned(long value) {
            room(10);
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                buffer.put((byte) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            buffer.put((byte) rest);
        }

        void writeDouble(double value) {
            room(Double.BYTES);
            buffer.putDouble(value);
        }

        /** 0 and UTF-8 behind its length the first time; after that, the number of that first time, from 1. */
        void writeString(String value) {
            Integer known = strings.get(value);
            if (known != null) {
                writeUnsigned(known + 1L);
                return;
            }
            strings.put(value, strings.size());
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            writeUnsigned(0);
            writeUnsigned(bytes.length);
            room(bytes.length);
            buffer.put(bytes);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /**
     * Reads what {@link Output} wrote ({@code compact}), or the fixed-width layout before it; reading past the end
     * throws {@link java.nio.BufferUnderflowException}.
     */
    private static final class Input {

        private final ByteBuffer buffer;
        final boolean compact;
        private final List<String> strings = new ArrayList<>();

        Input(ByteBuffer buffer, boolean compact) {
            this.buffer = buffer;
            this.compact = compact;
        }

        int remaining() {
            return buffer.remaining();
        }

        byte readByte() {
            return buffer.get();
        }

        boolean readBoolean() throws IOException {
            byte value = buffer.get();
            if (value != 0 && value != 1) {
                throw new IOException("not a boolean: " + value);
            }
            return value == 1;
        }

        int readInt() throws IOException {
            if (!compact) {
                return buffer.getInt();
            }
            long value = readLong();
            if (value != (int) value) {
                throw new IOException(value + " is not an int");
            }
            return (int) value;
        }

        long readLong() throws IOException {
            if (!compact) {
                return buffer.getLong();
            }
            long zigzag = readUnsigned();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        private long readUnsigned() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte next = buffer.get();
                value |= (long) (next & 0x7F) << shift;
                if (next >= 0) {
                    return value;
                }
            }
            throw new IOException("a number longer than ten bytes");
        }

        double readDouble() {
            return buffer.getDouble();
        }

        String readString() throws IOException {
            if (compact) {
                long known = readUnsigned();
                if (known > 0) {
                    if (known > strings.size()) {
                        throw new IOException("string " + known + " of " + strings.size());
                    }
                    return strings.get((int) known - 1);
                }
            }
            long length = compact ? readUnsigned() : buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw new IOException("a string of " + length + " bytes in " + buffer.remaining());
            }
            String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), (int) length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + (int) length);
            if (compact) {
                strings.add(value);
            }
            return value;
        }
    }
}
