package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.SentimentLabel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the aggregator's compact binary records ({@link SegmentDeltaCodec}, {@link CountedSerde}): whole numbers as
 * zigzag varints, doubles as their eight bytes, each string once per record (UTF-8 behind its length; later the same
 * string as the number of its first appearance). A growing array written by index, without the locks and the
 * byte-at-a-time calls of the java.io streams or a ByteBuffer's checks per byte; {@link CompactInput} reads it.
 */
final class CompactOutput {

    private static final int INITIAL = 4096;
    /** Big-endian, as ByteBuffer wrote them (and {@link CompactInput} reads them). */
    private static final VarHandle DOUBLES = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);
    /** A buffer larger than this (an unusually large record) is not kept for the next one. */
    private static final int KEPT_AT_MOST = 1 << 20;

    /** One per thread, kept between records: growing a fresh buffer for each delta was about 5 % of the stream thread. */
    private static final ThreadLocal<CompactOutput> OUTPUTS = ThreadLocal.withInitial(CompactOutput::new);

    private byte[] buffer = new byte[INITIAL];
    private int position;
    /** This record's strings so far, by the number of their first appearance. */
    private final Map<String, Integer> strings = new HashMap<>();

    private CompactOutput() {
    }

    /** This thread's output, empty but for {@code marker}: a record is written and taken ({@link #toByteArray}) at once. */
    static CompactOutput start(byte marker) {
        CompactOutput out = OUTPUTS.get();
        out.clear();
        out.writeByte(marker);
        return out;
    }

    private void clear() {
        if (buffer.length > KEPT_AT_MOST) {
            buffer = new byte[INITIAL];
        }
        position = 0;
        strings.clear();
    }

    private void room(int bytes) {
        if (buffer.length - position < bytes) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + bytes));
        }
    }

    void writeByte(int value) {
        room(1);
        buffer[position++] = (byte) value;
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
            buffer[position++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        buffer[position++] = (byte) rest;
    }

    void writeDouble(double value) {
        room(Double.BYTES);
        DOUBLES.set(buffer, position, value);
        position += Double.BYTES;
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
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    void writeNullableString(String value) {
        writeBoolean(value != null);
        if (value != null) {
            writeString(value);
        }
    }

    void writeInstant(Instant instant) {
        writeBoolean(instant != null);
        if (instant != null) {
            writeLong(instant.getEpochSecond());
            writeInt(instant.getNano());
        }
    }

    /** Labels by a code of their own, so that the layout does not depend on the order of the enum. */
    void writeLabel(SentimentLabel label) {
        writeByte(label == null ? 0 : switch (label) {
            case NEGATIVE -> 1;
            case NEUTRAL -> 2;
            case POSITIVE -> 3;
        });
    }

    void writeEvidence(List<Evidence> evidence) {
        writeInt(evidence.size());
        for (Evidence shown : evidence) {
            writeEvidence(shown);
        }
    }

    void writeEvidence(Evidence shown) {
        writeString(shown.feedbackId());
        writeInstant(shown.occurredAt());
        writeNullableString(shown.sentence());
        writeLabel(shown.label());
        writeDouble(shown.score());
        writeInt(shown.highlights().size());
        for (Highlight highlight : shown.highlights()) {
            writeInt(highlight.begin());
            writeInt(highlight.end());
        }
    }

    /** What a map's values are written with, after their key ({@link #writeMap}). */
    interface ValueWriter<T> {
        void write(T value, CompactOutput out);
    }

    /** Its size, then each key and value; {@link CompactInput#readMap} reads it. */
    <T> void writeMap(Map<String, T> map, ValueWriter<T> values) {
        writeInt(map.size());
        for (Map.Entry<String, T> entry : map.entrySet()) {
            writeString(entry.getKey());
            values.write(entry.getValue(), this);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }
}
