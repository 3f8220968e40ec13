package io.github.vocstream.deadletters;

import io.github.vocstream.common.kafka.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record of the dead-letter topic, read: where it was read before it was given up ({@link Headers#DLQ_SOURCE}),
 * which service gave up on it and why, and the original key, value and headers.
 */
record DeadLetter(String sourceTopic, String source, String service, String reason, ConsumerRecord<byte[], byte[]> record) {

    /** Where a re-driven record came from in the dead-letter topic: {@code topic-partition@offset}. */
    static final String REDRIVEN_FROM = "voc.dlq.redriven-from";

    private static final Pattern COORDINATES = Pattern.compile("(.+)-[0-9]+@[0-9]+");

    /** The dead letter, or empty when it does not say where it came from. */
    static Optional<DeadLetter> of(ConsumerRecord<byte[], byte[]> record) {
        String source = header(record, Headers.DLQ_SOURCE);
        Matcher coordinates = source == null ? null : COORDINATES.matcher(source);
        if (coordinates == null || !coordinates.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DeadLetter(coordinates.group(1), source, header(record, Headers.DLQ_SERVICE),
                header(record, Headers.DLQ_REASON), record));
    }

    /** The original record, for its original topic: same key, value and headers, without the dead-letter ones. */
    ProducerRecord<byte[], byte[]> redriven() {
        ProducerRecord<byte[], byte[]> redriven = new ProducerRecord<>(sourceTopic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("voc.dlq.")) {
                redriven.headers().add(header);
            }
        }
        redriven.headers().add(REDRIVEN_FROM, Headers.coordinates(record.topic(), record.partition(), record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return redriven;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
