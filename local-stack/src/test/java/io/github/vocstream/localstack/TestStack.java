package io.github.vocstream.localstack;

import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.TopicSettings;
import io.github.vocstream.common.test.FreePorts;
import io.github.vocstream.testkit.ScratchDirectory;
import io.github.vocstream.testkit.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The three services as separate processes on the shared broker, started as {@code ./run-local.sh} starts them, once
 * per test JVM: the sentiment service alone takes half a minute to load CoreNLP, so the end-to-end and browser tests
 * share one stack and keep apart by the segments they write to.
 */
final class TestStack {

    private static TestStack shared;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final TopicNames topics = new TopicNames("raw-" + run, "annotated-" + run, "dlq-" + run, TopicNames.DEFAULT_ALERTS, "erasures-" + run);
    final String sentimentGroup = "sentiment-" + run;
    final String aggregatorGroup = "aggregator-" + run;
    final String apiKey = "e2e-" + UUID.randomUUID();
    /** The key of the author hashes: the erasure test hashes its customer with it, as ingest does. */
    final String authorKey = LocalSecrets.random();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final ScratchDirectory work = ScratchDirectory.create("voc-e2e-");

    private TestStack() {
    }

    static synchronized TestStack shared() {
        if (shared == null) {
            shared = new TestStack();
            shared.start();
            // One hook, in this order: the services' state and logs go once the services have stopped.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.services.forEach(ServiceProcess::close);
                shared.work.close();
            }, "test-stack-stop"));
        }
        return shared;
    }

    private void start() {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 3, TopicSettings.of(topics));
        Path root = Path.of(System.getProperty("voc.root", "..")).toAbsolutePath().normalize();
        var ports = new Services.Ports(FreePorts.next(), FreePorts.next(), FreePorts.next());
        Map<String, String> unique = Map.of("voc.sentiment.group-id", sentimentGroup,
                "kafka.streams.default.application.id", aggregatorGroup);
        for (var spec : Services.specs(bootstrap, topics, ports, work.resolve("aggregator-state"), unique, apiKey, authorKey)) {
            services.add(ServiceProcess.start(root, spec, work.resolve("logs")));
        }
        services.forEach(service -> service.awaitHealthy(Duration.ofMinutes(3)));
    }

    URI ingest() {
        return services.get(0).baseUri();
    }

    URI aggregator() {
        return services.get(2).baseUri();
    }
}
