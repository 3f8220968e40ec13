package io.github.vocstream.common.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for one record type, usable by plain clients and by Kafka Streams; bad bytes throw. {@link #of} writes
 * JSON text (the wire topics), {@link #binary} writes Smile ({@link Json}); both read either, so a store or topic
 * written in one form reads on after a change to the other.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    private final ObjectWriter writer;
    // Bound to the type once: a mapper looks the type and its deserializer up again on every call.
    private final ObjectReader textReader;
    private final ObjectReader binaryReader;

    private JsonSerde(Class<T> type, ObjectMapper writer) {
        this.type = type;
        this.writer = writer.writerFor(type);
        this.textReader = Json.mapper().readerFor(type);
        this.binaryReader = Json.binaryMapper().readerFor(type);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type, Json.mapper());
    }

    /** For a service's own stores and internal topics, which no other program reads. */
    public static <T> JsonSerde<T> binary(Class<T> type) {
        return new JsonSerde<>(type, Json.binaryMapper());
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return (Json.isBinary(data) ? binaryReader : textReader).readValue(data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the formats are fixed by Json
    }

    @Override
    public void close() {
        // nothing to release: the mapper is shared
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
