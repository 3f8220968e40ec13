package io.github.vocstream.localstack;

import io.github.vocstream.common.kafka.TopicNames;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the three services are started against one broker and one set of topics. */
public final class Services {

    /** The client name of the local stack's API key. */
    public static final String LOCAL_CLIENT = "local";

    private Services() {
    }

    /** The settings every service needs: where Kafka is and what the topics are called. */
    static Map<String, String> common(String bootstrapServers, TopicNames topics) {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "voc.topics.raw", topics.raw(),
                "voc.topics.annotated", topics.annotated(),
                "voc.topics.dlq", topics.dlq(),
                "voc.topics.alerts", topics.alerts(),
                "voc.topics.erasures", topics.erasures());
    }

    /**
     * {@code apiKey}, if not null, is the one key of ingest's keyed endpoints, for the client {@value #LOCAL_CLIENT},
     * which may write every source: on one's own machine it stands for every connector. {@code authorKey} keys the
     * author hashes.
     */
    public static List<ServiceProcess.Spec> specs(String bootstrapServers, TopicNames topics, Ports ports, Path aggregatorStateDir,
                                                  Map<String, String> extraProperties, String apiKey, String authorKey) {
        Map<String, String> shared = new HashMap<>(common(bootstrapServers, topics));
        shared.putAll(extraProperties);
        Map<String, String> aggregator = new HashMap<>(shared);
        aggregator.put("voc.state-dir", aggregatorStateDir.toAbsolutePath().toString());
        return List.of(
                new ServiceProcess.Spec("ingest-service", "io.github.vocstream.ingest.Application", ports.ingest(), "512m", shared,
                        ingestEnvironment(apiKey, authorKey)),
                // CoreNLP's models (parser, tagger, sentiment) need about 1.5 GB once loaded.
                new ServiceProcess.Spec("sentiment-service", "io.github.vocstream.sentiment.Application", ports.sentiment(), "3g", shared,
                        Map.of()),
                // The query API is open on one's own machine, so the README's curls need no key.
                new ServiceProcess.Spec("aggregator-service", "io.github.vocstream.aggregator.Application", ports.aggregator(), "1g",
                        aggregator, Map.of("VOC_QUERY_OPEN", "true")));
    }

    /** Secrets go to ingest through its environment, where neither the command line nor a log shows them. */
    private static Map<String, String> ingestEnvironment(String apiKey, String authorKey) {
        Map<String, String> environment = new HashMap<>(Map.of("VOC_INGEST_AUTHOR_KEY", authorKey));
        if (apiKey != null) {
            environment.put("VOC_INGEST_API_KEYS_" + LOCAL_CLIENT.toUpperCase(Locale.ROOT), apiKey);
            environment.put("VOC_INGEST_CLIENT_SOURCES_" + LOCAL_CLIENT.toUpperCase(Locale.ROOT), "*");
        }
        return environment;
    }

    /** The HTTP ports of the three services. */
    public record Ports(int ingest, int sentiment, int aggregator) {

        public static final Ports DEFAULT = new Ports(8081, 8082, 8083);
    }
}
