package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.Rating;
import io.github.vocstream.aggregator.rating.RatingScale;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeSentiment;
import io.github.vocstream.common.kafka.JsonSerde;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The records of the {@code counted-feedback} store: a {@link Counted} field by field behind the byte {@link #COMPACT}
 * ({@link CompactOutput}). The store keeps one for every id ever counted, so this is its size on disk and in its
 * changelog, and it is written once per item: in Smile it was about 390 bytes per item and the largest thing the
 * aggregator wrote. Records in Smile (behind its header {@code :)\n}), which versions before wrote, read on. Versions
 * before do not read this layout: stop every aggregator instance before starting upgraded ones, as for the deltas.
 */
final class CountedSerde implements Serde<Counted> {

    static final byte COMPACT = 'C';

    private final JsonSerde<Counted> smile = JsonSerde.binary(Counted.class);

    @Override
    public Serializer<Counted> serializer() {
        return (topic, counted) -> counted == null ? null : write(counted);
    }

    @Override
    public Deserializer<Counted> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length == 0 || data[0] != COMPACT) {
                return smile.deserialize(topic, data);
            }
            try {
                return read(data);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("not a valid counted feedback record: " + e.getMessage(), e);
            }
        };
    }

    static byte[] write(Counted counted) {
        CompactOutput out = CompactOutput.start(COMPACT);
        out.writeInt(counted.segments().size());
        for (String segment : counted.segments()) {
            out.writeString(segment);
        }
        out.writeBoolean(!counted.isRetracted());
        if (!counted.isRetracted()) {
            writeUpdate(out, counted.retraction());
        }
        return out.toByteArray();
    }

    static Counted read(byte[] data) throws IOException {
        CompactInput in = new CompactInput(ByteBuffer.wrap(data, 1, data.length - 1), true);
        int size = in.readCount();
        List<String> segments = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            segments.add(in.readString());
        }
        SegmentUpdate retraction = in.readBoolean() ? readUpdate(in) : null;
        in.finish("counted feedback record");
        return new Counted(segments, retraction);
    }

    private static void writeUpdate(CompactOutput out, SegmentUpdate update) {
        out.writeString(update.feedbackId());
        out.writeInstant(update.occurredAt());
        out.writeInstant(update.receivedAt());
        out.writeLabel(update.label());
        out.writeDouble(update.score());
        out.writeBoolean(update.rating() != null);
        if (update.rating() != null) {
            // By the scale's key, so that the layout does not depend on the order of the enum.
            out.writeString(update.rating().scale().key());
            out.writeInt(update.rating().value());
        }
        out.writeInt(update.themes().size());
        for (ThemeSentiment theme : update.themes()) {
            out.writeString(theme.theme());
            out.writeInt(theme.mentions());
            out.writeLabel(theme.label());
            out.writeDouble(theme.score());
        }
        out.writeMap(update.evidence(), (shown, o) -> o.writeEvidence(shown));
        out.writeMap(update.candidates(), (shown, o) -> o.writeEvidence(shown));
        out.writeBoolean(update.retracted());
        out.writeNullableString(update.language());
    }

    private static SegmentUpdate readUpdate(CompactInput in) throws IOException {
        String feedbackId = in.readString();
        Instant occurredAt = in.readInstant();
        Instant receivedAt = in.readInstant();
        SentimentLabel label = in.readLabel();
        double score = in.readDouble();
        Rating rating = null;
        if (in.readBoolean()) {
            String scale = in.readString();
            int value = in.readInt();
            rating = new Rating(RatingScale.parse(scale).orElseThrow(() -> new IOException("unknown rating scale " + scale)), value);
        }
        int themeCount = in.readCount();
        List<ThemeSentiment> themes = new ArrayList<>(themeCount);
        for (int i = 0; i < themeCount; i++) {
            themes.add(new ThemeSentiment(in.readString(), in.readInt(), in.readLabel(), in.readDouble()));
        }
        Map<String, Evidence> evidence = in.readMap(CompactInput::readEvidence);
        Map<String, Evidence> candidates = in.readMap(CompactInput::readEvidence);
        boolean retracted = in.readBoolean();
        String language = in.readNullableString();
        return new SegmentUpdate(feedbackId, occurredAt, receivedAt, label, score, rating, themes, evidence, candidates,
                retracted, language);
    }
}
