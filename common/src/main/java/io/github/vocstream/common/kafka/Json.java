package io.github.vocstream.common.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The one JSON configuration: ISO-8601 instants, nulls left out, unknown fields ignored. On the wire it is text; in
 * the aggregator's own stores and repartition topics it is Smile, JSON's binary form: the same data model (so the same
 * records and the same upgrade rules), with numbers in binary and field names written once per record, which is
 * where the aggregator spent most of its time parsing text. There, instants are numbers (seconds with nanoseconds, as
 * precise as the ISO text): reading and writing ISO text took a fifth of the aggregator's stream thread. Both mappers
 * read instants in either form, so stores written before read on; {@link Instants} reads and writes them without
 * Jackson's slow steps.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configured(JsonMapper.builder().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
            Instants.reading());
    private static final ObjectMapper BINARY = configured(SmileMapper.builder().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
            Instants.readingAndWritingDecimals());

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Smile; its records begin with the header {@code :)\n}, which no JSON text does. */
    public static ObjectMapper binaryMapper() {
        return BINARY;
    }

    /** True if {@code data} is Smile (it has the header), false if it is JSON text. */
    public static boolean isBinary(byte[] data) {
        return data.length >= 3 && data[0] == ':' && data[1] == ')' && data[2] == '\n';
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M configured(B builder, Module instants) {
        // The later module's instants win over the time module's.
        return builder.addModule(new JavaTimeModule()).addModule(instants).addModule(new BlackbirdModule())
                // Correctly rounded, as the JDK's parser, and faster.
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                // Readers ignore fields added by newer writers, so producers can be upgraded first.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
