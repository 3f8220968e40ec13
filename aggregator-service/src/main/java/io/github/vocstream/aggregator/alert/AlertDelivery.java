package io.github.vocstream.aggregator.alert;

import io.github.vocstream.common.event.Alert;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.common.kafka.Topics;
import io.github.vocstream.common.webhook.StandardWebhooks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every alert on the alerts topic to each configured destination ({@link AlertDestination}), at least once: each
 * destination has a consumer group and a thread of its own, and commits an alert only once the destination answered
 * 2xx, trying again with exponential backoff (1 s doubling to 5 minutes) meanwhile. A destination that is down holds up
 * only its own queue, never the counting, which is the topology's and does not wait on anything here. A new
 * destination starts at the end of the topic ({@code voc.alerts.deliver-from}), so that it is not sent the past.
 */
@Context
public class AlertDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);

    private final List<Thread> threads = new ArrayList<>();
    private final List<KafkaConsumer<String, byte[]>> consumers = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile boolean running = true;

    public AlertDelivery(List<AlertDestination> destinations, Topics topics, Environment environment, MeterRegistry meters,
                         @Value("${voc.alerts.deliver-from:latest}") String deliverFrom) {
        String bootstrap = environment.getProperty("kafka.bootstrap.servers", String.class).orElse("localhost:9092");
        for (AlertDestination destination : destinations) {
            byte[] key = destination.slack() ? null : StandardWebhooks.key(requireSecret(destination));
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "voc-alert-delivery-" + destination.name(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, deliverFrom,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50), new StringDeserializer(), new ByteArrayDeserializer());
            consumers.add(consumer);
            Counter delivered = Counter.builder("voc.alerts.delivered").tag("destination", destination.name())
                    .description("Alerts a destination took (2xx)").register(meters);
            Counter failed = Counter.builder("voc.alerts.delivery.failures").tag("destination", destination.name())
                    .description("Delivery attempts a destination refused or did not answer").register(meters);
            Thread thread = new Thread(() -> deliver(destination, key, consumer, topics.alerts().name(), delivered, failed),
                    "alert-delivery-" + destination.name());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
            LOG.info("Alerts go to {}", destination);
        }
    }

    private static String requireSecret(AlertDestination destination) {
        if (destination.secret() == null || destination.secret().isBlank()) {
            throw new IllegalStateException("voc.alerts.destinations." + destination.name()
                    + ".secret is needed to sign its deliveries (whsec_ and base64), or set its format to slack");
        }
        return destination.secret();
    }

    private void deliver(AlertDestination destination, byte[] key, KafkaConsumer<String, byte[]> consumer, String topic,
                         Counter delivered, Counter failed) {
        try (consumer) {
            consumer.subscribe(List.of(topic));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() == null || !sendUntilTaken(destination, key, record, delivered, failed)) {
                        continue;
                    }
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException e) {
            // Stopping.
        } catch (RuntimeException e) {
            LOG.error("Alert delivery to {} stopped", destination, e);
        }
    }

    /** Tries until the destination takes it; false only when the service stops first. */
    private boolean sendUntilTaken(AlertDestination destination, byte[] key, ConsumerRecord<String, byte[]> record,
                                   Counter delivered, Counter failed) {
        Duration wait = FIRST_RETRY;
        while (running) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(destination.url())).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json");
                byte[] body = destination.slack() ? slackMessage(record.value()) : record.value();
                if (key != null) {
                    long now = Instant.now().getEpochSecond();
                    request.header(StandardWebhooks.ID_HEADER, record.key())
                            .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(now))
                            .header(StandardWebhooks.SIGNATURE_HEADER, StandardWebhooks.sign(key, record.key(), now, body));
                }
                HttpResponse<Void> response = client.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    delivered.increment();
                    return true;
                }
                LOG.warn("{} answered {} to alert {}; trying again in {}", destination, response.statusCode(), record.key(), wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                LOG.warn("{} did not take alert {} ({}); trying again in {}", destination, record.key(), e.getClass().getSimpleName(), wait);
            }
            failed.increment();
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
        }
        return false;
    }

    /** A Slack incoming-webhook message: one line a person reads. */
    static byte[] slackMessage(byte[] alertJson) throws IOException {
        Alert alert = Json.mapper().readValue(alertJson, Alert.class);
        String what = "negative-rate".equals(alert.kind())
                ? String.format(Locale.ROOT, "more negative mentions than usual (%.1f in the last hour or so, usually %.1f an hour)",
                        alert.recent(), alert.usual())
                : String.format(Locale.ROOT, "a larger share of negative mentions than usual (usually %.0f %%)", 100 * alert.usual());
        String text = ":warning: " + alert.segment() + (alert.theme() == null ? "" : " · " + alert.theme()) + ": " + what
                + " at " + alert.at();
        return Json.mapper().writeValueAsBytes(Map.of("text", text));
    }

    @PreDestroy
    void stop() {
        running = false;
        consumers.forEach(consumer -> {
            try {
                consumer.wakeup();
            } catch (IllegalStateException closed) {
                // Its thread has closed it already.
            }
        });
        threads.forEach(Thread::interrupt);
    }
}
