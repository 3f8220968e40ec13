package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.SentimentLabel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link CompactOutput} wrote ({@code compact}), or the fixed-width layout of the segment deltas before it
 * (numbers big-endian, every string in full); reading past the end throws {@link java.nio.BufferUnderflowException}.
 */
final class CompactInput {

    private final ByteBuffer buffer;
    final boolean compact;
    private final List<String> strings = new ArrayList<>();

    CompactInput(ByteBuffer buffer, boolean compact) {
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

    String readNullableString() throws IOException {
        return readBoolean() ? readString() : null;
    }

    Instant readInstant() throws IOException {
        return readBoolean() ? Instant.ofEpochSecond(readLong(), readInt()) : null;
    }

    SentimentLabel readLabel() throws IOException {
        int code = readByte();
        return switch (code) {
            case 0 -> null;
            case 1 -> SentimentLabel.NEGATIVE;
            case 2 -> SentimentLabel.NEUTRAL;
            case 3 -> SentimentLabel.POSITIVE;
            default -> throw new IOException("unknown label code " + code);
        };
    }

    /** A count written before a list: never negative, and no more items than bytes left (each takes one at least). */
    int readCount() throws IOException {
        int size = readInt();
        if (size < 0 || size > remaining()) {
            throw new IOException("a list of " + size + " in " + remaining() + " bytes");
        }
        return size;
    }

    List<Evidence> readEvidenceList() throws IOException {
        int size = readCount();
        List<Evidence> evidence = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            evidence.add(readEvidence());
        }
        return evidence;
    }

    Evidence readEvidence() throws IOException {
        String feedbackId = readString();
        Instant occurredAt = readInstant();
        String sentence = readNullableString();
        SentimentLabel label = readLabel();
        double score = readDouble();
        int highlightCount = readCount();
        List<Highlight> highlights = new ArrayList<>(highlightCount);
        for (int h = 0; h < highlightCount; h++) {
            highlights.add(new Highlight(readInt(), readInt()));
        }
        return new Evidence(feedbackId, occurredAt, sentence, label, score, highlights);
    }

    /** What a map's values are read with, after their key ({@link #readMap}). */
    interface ValueReader<T> {
        T read(CompactInput in) throws IOException;
    }

    /** What {@link CompactOutput#writeMap} wrote, in the order it was written. */
    <T> Map<String, T> readMap(ValueReader<T> values) throws IOException {
        int size = readCount();
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(readString(), values.read(this));
        }
        return map;
    }

    /** Throws unless the record was read to its end. */
    void finish(String what) throws IOException {
        if (remaining() != 0) {
            throw new IOException(remaining() + " bytes after the " + what);
        }
    }
}
