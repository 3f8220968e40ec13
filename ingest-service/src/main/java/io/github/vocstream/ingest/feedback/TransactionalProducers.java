package io.github.vocstream.ingest.feedback;

import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Producers that publish each request as one Kafka transaction, so that readers of committed records
 * ({@code isolation.level=read_committed}) see a request whole or not at all. A producer holds one transaction at a
 * time, so requests take turns on a small pool ({@code voc.ingest.publishers}). Each producer's transactional id is
 * fixed for this host and port, so a restarted instance fences off, and aborts, what its previous run left open.
 * Producers are made on first use: ingest starts, and answers 503, while Kafka is away.
 */
@Singleton
public class TransactionalProducers {

    /** The work of one transaction: its sends, waited for. */
    @FunctionalInterface
    public interface Work {
        void sendWith(Producer<String, byte[]> producer) throws Exception;
    }

    private static final String SETTINGS = "kafka.producers.feedback-publisher";

    private final Map<String, Object> config;
    private final String idPrefix;
    private final BlockingQueue<Slot> idle;

    private static final class Slot {
        final int index;
        Producer<String, byte[]> producer;

        Slot(int index) {
            this.index = index;
        }
    }

    public TransactionalProducers(Environment environment, IngestConfiguration configuration) {
        Map<String, Object> settings = new HashMap<>(environment.getProperties(SETTINGS, StringConvention.RAW));
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getProperty("kafka.bootstrap.servers", String.class)
                .orElse("localhost:9092"));
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.config = Map.copyOf(settings);
        this.idPrefix = "voc-ingest-" + hostName() + "-" + environment.getProperty("micronaut.server.port", String.class).orElse("8081");
        this.idle = new ArrayBlockingQueue<>(configuration.publishers());
        for (int i = 0; i < configuration.publishers(); i++) {
            idle.add(new Slot(i));
        }
    }

    /**
     * Runs {@code work} in a transaction of a free producer and commits it, within {@code timeout}; on any failure the
     * transaction is aborted, so nothing of it becomes visible, and the failure is thrown.
     */
    public void inTransaction(Duration timeout, Work work) throws Exception {
        Slot slot = idle.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (slot == null) {
            throw new TimeoutException("no producer was free within " + timeout);
        }
        boolean usable = true;
        try {
            if (slot.producer == null) {
                slot.producer = newProducer(slot.index);
            }
            slot.producer.beginTransaction();
            work.sendWith(slot.producer);
            slot.producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            usable = false;
            throw fatal;
        } catch (Exception failure) {
            usable = abort(slot);
            throw failure;
        } finally {
            if (!usable && slot.producer != null) {
                // A producer in a fatal state cannot abort; the next request gets a new one, which fences this one off.
                slot.producer.close(Duration.ZERO);
                slot.producer = null;
            }
            idle.add(slot);
        }
    }

    private static boolean abort(Slot slot) {
        if (slot.producer == null) {
            return true;
        }
        try {
            slot.producer.abortTransaction();
            return true;
        } catch (KafkaException | IllegalStateException e) {
            return false;
        }
    }

    private Producer<String, byte[]> newProducer(int index) {
        Map<String, Object> settings = new HashMap<>(config);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, idPrefix + "-" + index);
        Producer<String, byte[]> producer = new KafkaProducer<>(settings);
        try {
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
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
        for (Slot slot : idle) {
            if (slot.producer != null) {
                slot.producer.close(Duration.ofSeconds(5));
            }
        }
    }
}
