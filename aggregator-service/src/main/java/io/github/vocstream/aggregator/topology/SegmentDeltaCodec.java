package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.Ratings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>Written behind {@link #COMPACT} ({@link CompactOutput}: varints, each string once per delta), with a subject's
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

    static byte[] write(SegmentDelta delta) {
        CompactOutput out = CompactOutput.start(COMPACT);
        out.writeInt(delta.items());
        out.writeLong(delta.time());
        writeTally(out, delta.totals());
        out.writeInstant(delta.lastFeedbackAt());
        out.writeMap(delta.themes(), (stats, o) -> {
            writeTally(o, stats.tally());
            o.writeInstant(stats.lastMentionAt());
            o.writeEvidence(stats.evidence());
        });
        out.writeMap(delta.candidates(), (stats, o) -> {
            o.writeLong(stats.mentions());
            o.writeDouble(stats.recent());
            o.writeDouble(stats.baseline());
            o.writeInstant(stats.decayedTo());
            o.writeEvidence(stats.evidence());
        });
        out.writeMap(delta.minutes(), SegmentDeltaCodec::writeBuckets);
        out.writeMap(delta.hours(), SegmentDeltaCodec::writeBuckets);
        writeStrings(out, delta.retracted());
        out.writeMap(delta.mentions(), (mentions, o) -> writeMentions(o, mentions.packed()));
        writeStrings(out, delta.termsSaid());
        return out.toByteArray();
    }

    /** Reads a delta behind either marker. */
    static SegmentDelta read(byte[] data) throws IOException {
        if (data.length == 0 || data[0] != COMPACT && data[0] != FIXED) {
            throw new IOException("not a delta of this codec");
        }
        CompactInput in = new CompactInput(ByteBuffer.wrap(data, 1, data.length - 1), data[0] == COMPACT);
        int items = in.readInt();
        long time = in.readLong();
        Tally totals = readTally(in);
        Instant lastFeedbackAt = in.readInstant();
        Map<String, ThemeStats> themes = in.readMap(i -> new ThemeStats(readTally(i), i.readInstant(), i.readEvidenceList()));
        Map<String, CandidateStats> candidates = in.readMap(i -> new CandidateStats(i.readLong(), i.readDouble(), i.readDouble(),
                i.readInstant(), i.readEvidenceList()));
        Map<String, Map<Long, Tally>> minutes = in.readMap(SegmentDeltaCodec::readBuckets);
        Map<String, Map<Long, Tally>> hours = in.readMap(SegmentDeltaCodec::readBuckets);
        Set<String> retracted = readStrings(in);
        Map<String, Mentions> mentions = in.readMap(i -> new Mentions(readMentions(i)));
        Set<String> termsSaid = readStrings(in);
        in.finish("delta");
        return new SegmentDelta(items, time, totals, lastFeedbackAt, themes, candidates, minutes, hours, retracted, mentions, termsSaid);
    }

    private static void writeBuckets(Map<Long, Tally> buckets, CompactOutput out) {
        out.writeInt(buckets.size());
        for (Map.Entry<Long, Tally> bucket : buckets.entrySet()) {
            out.writeLong(bucket.getKey());
            writeTally(out, bucket.getValue());
        }
    }

    private static Map<Long, Tally> readBuckets(CompactInput in) throws IOException {
        int size = in.readInt();
        Map<Long, Tally> buckets = new HashMap<>();
        for (int i = 0; i < size; i++) {
            buckets.put(in.readLong(), readTally(in));
        }
        return buckets;
    }

    private static void writeTally(CompactOutput out, Tally tally) {
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

    private static Tally readTally(CompactInput in) throws IOException {
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

    private static void writeStrings(CompactOutput out, Set<String> strings) {
        out.writeInt(strings.size());
        for (String string : strings) {
            out.writeString(string);
        }
    }

    private static Set<String> readStrings(CompactInput in) throws IOException {
        int size = in.readInt();
        Set<String> strings = new HashSet<>();
        for (int i = 0; i < size; i++) {
            strings.add(in.readString());
        }
        return strings;
    }

    private static void writeLongs(CompactOutput out, List<Long> longs) {
        out.writeInt(longs.size());
        for (long value : longs) {
            out.writeLong(value);
        }
    }

    /** Mentions come nearly in order: each as its difference from the one before takes a few bytes instead of eight. */
    private static void writeMentions(CompactOutput out, long[] packed) {
        out.writeInt(packed.length);
        long before = 0;
        for (long value : packed) {
            out.writeLong(value - before);
            before = value;
        }
    }

    private static long[] readMentions(CompactInput in) throws IOException {
        long[] values = readLongs(in);
        if (in.compact) {
            for (int i = 1; i < values.length; i++) {
                values[i] += values[i - 1];
            }
        }
        return values;
    }

    private static List<Long> readLongList(CompactInput in) throws IOException {
        long[] longs = readLongs(in);
        List<Long> list = new ArrayList<>(longs.length);
        for (long value : longs) {
            list.add(value);
        }
        return list;
    }

    private static long[] readLongs(CompactInput in) throws IOException {
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
}
