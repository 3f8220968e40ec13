package io.github.vocstream.ingest.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes requests in Kafka transactions, so that readers of committed records ({@code isolation.level=
 * read_committed}) see each request whole or not at all. A transaction costs a round of its own, so the requests
 * that arrive while one commits go together into the next (a group commit): each is answered only once its
 * transaction commits. When a group fails, its requests are tried again one by one, so one request Kafka refuses
 * does not fail the others. {@code voc.ingest.publishers} committers work side by side, each with a producer whose
 * transactional id is fixed for this host and port, so a restarted instance fences off, and aborts, what its
 * previous run left open. Producers are made on first use: ingest starts, and answers 503, while Kafka is away.
 */
@Singleton
public class TransactionalProducers {

    private static final String SETTINGS = "kafka.producers.feedback-publisher";
    // One transaction takes at most this many requests (500 items each at most): bounded memory and commit time.
    private static final int MAX_REQUESTS_PER_TRANSACTION = 200;

    private record Pending(List<ProducerRecord<String, byte[]>> records, CompletableFuture<Void> done) {
    }

    private final Map<String, Object> config;
    private final String idPrefix;
    private final Duration timeout;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private final MeterRegistry meters;
    private final Map<Producer<String, byte[]>, KafkaClientMetrics> producerMetrics = new ConcurrentHashMap<>();

    public TransactionalProducers(Environment environment, IngestConfiguration configuration, MeterRegistry meters) {
        this.meters = meters;
        Map<String, Object> settings = new HashMap<>(environment.getProperties(SETTINGS, StringConvention.RAW));
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getProperty("kafka.bootstrap.servers", String.class)
                .orElse("localhost:9092"));
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.config = Map.copyOf(settings);
        this.idPrefix = "voc-ingest-" + hostName() + "-" + environment.getProperty("micronaut.server.port", String.class).orElse("8081");
        this.timeout = configuration.publishTimeout();
        for (int i = 0; i < configuration.publishers(); i++) {
            int index = i;
            Thread committer = new Thread(() -> commitLoop(index), "feedback-committer-" + i);
            committer.setDaemon(true);
            committer.start();
            committers.add(committer);
        }
    }

    /** What each producer is created with besides its transactional id: the settings in force. */
    Map<String, Object> settings() {
        return config;
    }

    /**
     * Publishes {@code records} in a committed transaction and returns, or throws once it is clear that they will not
     * be: a failure of Kafka, or no commit within {@code wait}.
     */
    public void publish(List<ProducerRecord<String, byte[]>> records, Duration wait) throws Exception {
        Pending pending = new Pending(records, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.done().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void commitLoop(int index) {
        Producer<String, byte[]> producer = null;
        while (!Thread.currentThread().isInterrupted()) {
            List<Pending> group = new ArrayList<>();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(group, MAX_REQUESTS_PER_TRANSACTION - 1);
            try {
                if (producer == null) {
                    producer = newProducer(index);
                }
                commit(producer, group);
                group.forEach(pending -> pending.done().complete(null));
            } catch (Exception groupFailed) {
                producer = recover(producer);
                if (group.size() == 1) {
                    group.get(0).done().completeExceptionally(groupFailed);
                    continue;
                }
                // One request Kafka refuses must not fail the others: each on its own.
                for (Pending pending : group) {
                    try {
                        if (producer == null) {
                            producer = newProducer(index);
                        }
                        commit(producer, List.of(pending));
                        pending.done().complete(null);
                    } catch (Exception failed) {
                        producer = recover(producer);
                        pending.done().completeExceptionally(failed);
                    }
                }
            }
        }
        if (producer != null) {
            close(producer, Duration.ofSeconds(5));
        }
    }

    private void commit(Producer<String, byte[]> producer, List<Pending> group) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        producer.beginTransaction();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (Pending pending : group) {
            for (ProducerRecord<String, byte[]> record : pending.records()) {
                sends.add(producer.send(record));
            }
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        producer.commitTransaction();
    }

    /** Aborts the failed transaction; a producer that cannot abort is closed, and the next use makes a new one. */
    private Producer<String, byte[]> recover(Producer<String, byte[]> producer) {
        if (producer == null) {
            return null;
        }
        try {
            producer.abortTransaction();
            return producer;
        } catch (KafkaException | IllegalStateException e) {
            close(producer, Duration.ZERO);
            return null;
        }
    }

    private void close(Producer<String, byte[]> producer, Duration timeout) {
        KafkaClientMetrics metrics = producerMetrics.remove(producer);
        if (metrics != null) {
            metrics.close();
        }
        producer.close(timeout);
    }

    private Producer<String, byte[]> newProducer(int index) {
        Map<String, Object> settings = new HashMap<>(config);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, idPrefix + "-" + index);
        Producer<String, byte[]> producer = new KafkaProducer<>(settings);
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        // The producers' own figures (send rate, errors, request latency) join the service's metrics.
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(meters);
        producerMetrics.put(producer, metrics);
        return producer;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @PreDestroy
    void close() {
        committers.forEach(Thread::interrupt);
    }
}
