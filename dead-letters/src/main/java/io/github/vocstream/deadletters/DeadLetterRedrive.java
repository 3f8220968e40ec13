package io.github.vocstream.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the records of the dead-letter topic back to the topic each was read from, after the fix that lets them
 * through: the same key, value and headers, so the stable feedback id keeps a record that was counted after all from
 * counting twice. It reads what the dead-letter topic holds when it starts, remembers how far it got as a consumer
 * group (so a second run re-drives only what died since), and prints one line per record: where it came from, who
 * gave up on it and why, never its content. Usage: {@code dead-letters/redrive.sh [options]}, see {@link Options#parse}.
 */
public final class DeadLetterRedrive {

    /**
     * What to re-drive. {@code service} and {@code reasonContains} narrow it (null: every record); a record they leave
     * out is passed over, and the same group will not look at it again. {@code dryRun} lists without sending or
     * remembering.
     */
    public record Options(String bootstrapServers, String deadLetterTopic, String group, String service,
                          String reasonContains, boolean dryRun) {

        private static final Set<String> NAMES = Set.of("--bootstrap-servers", "--topic", "--group", "--service",
                "--reason-contains");

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            boolean dryRun = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--dry-run")) {
                    dryRun = true;
                } else if (NAMES.contains(args[i]) && i + 1 < args.length) {
                    values.put(args[i], args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument '" + args[i] + "'; options: --bootstrap-servers, "
                            + "--topic, --group, --service, --reason-contains, --dry-run");
                }
            }
            String bootstrap = Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).orElse("localhost:9092");
            return new Options(values.getOrDefault("--bootstrap-servers", bootstrap),
                    values.getOrDefault("--topic", "voc.feedback.dlq"), values.getOrDefault("--group", "voc-dead-letter-redrive"),
                    values.get("--service"), values.get("--reason-contains"), dryRun);
        }

        boolean wants(DeadLetter deadLetter) {
            return (service == null || service.equals(deadLetter.service()))
                    && (reasonContains == null || (deadLetter.reason() != null && deadLetter.reason().contains(reasonContains)));
        }
    }

    /** How many records were sent back, passed over by the options, or could not be (no source); one line each. */
    public record Summary(int redriven, int passedOver, int withoutSource, List<String> lines) {
    }

    private static final Duration POLL = Duration.ofMillis(500);

    private DeadLetterRedrive() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Summary summary = run(options);
        summary.lines().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%d re-driven, %d passed over, %d without a source%n", summary.redriven(),
                summary.passedOver(), summary.withoutSource());
    }

    public static Summary run(Options options) throws InterruptedException, ExecutionException {
        List<String> lines = new ArrayList<>();
        int redriven = 0;
        int passedOver = 0;
        int withoutSource = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(options));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(options))) {
            List<TopicPartition> partitions = consumer.partitionsFor(options.deadLetterTopic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    String at = record.topic() + "-" + record.partition() + "@" + record.offset();
                    Optional<DeadLetter> deadLetter = DeadLetter.of(record);
                    if (deadLetter.isEmpty()) {
                        withoutSource++;
                        lines.add(at + ": says not where it came from, left alone");
                    } else if (!options.wants(deadLetter.get())) {
                        passedOver++;
                    } else {
                        redriven++;
                        DeadLetter letter = deadLetter.get();
                        lines.add(String.format(Locale.ROOT, "%s: %s %s (%s: %s)", at, options.dryRun() ? "would go back to" : "back to",
                                letter.source(), letter.service(), letter.reason()));
                        if (!options.dryRun()) {
                            sent.add(producer.send(letter.redriven()));
                        }
                    }
                }
            }
            if (!options.dryRun()) {
                producer.flush();
                for (Future<RecordMetadata> each : sent) {
                    each.get();
                }
                // Remembered only once every record is in its topic again, so a failed run can simply be repeated.
                Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
                partitions.forEach(partition -> progress.put(partition, new OffsetAndMetadata(end.get(partition))));
                consumer.commitSync(progress);
            }
        }
        return new Summary(redriven, passedOver, withoutSource, lines);
    }

    private static Map<String, Object> consumerConfig(Options options) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, options.group(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A broker that does not answer fails the run within this, instead of a minute later.
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private static Map<String, Object> producerConfig(Options options) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }
}
