package io.github.vocstream.localstack;

import io.github.vocstream.common.kafka.TopicNames;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How the three services are started against one broker and one set of topics. */
public final class Services {

    private Services() {
    }

    /** The settings every service needs: where Kafka is and what the topics are called. */
    static Map<String, String> common(String bootstrapServers, TopicNames topics) {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "voc.topics.raw", topics.raw(),
                "voc.topics.annotated", topics.annotated(),
                "voc.topics.dlq", topics.dlq());
    }

    public static List<ServiceProcess.Spec> specs(String bootstrapServers, TopicNames topics, Ports ports, Path aggregatorStateDir,
                                                  Map<String, String> extraProperties) {
        Map<String, String> shared = new HashMap<>(common(bootstrapServers, topics));
        shared.putAll(extraProperties);
        Map<String, String> aggregator = new HashMap<>(shared);
        aggregator.put("voc.state-dir", aggregatorStateDir.toAbsolutePath().toString());
        return List.of(
                new ServiceProcess.Spec("ingest-service", "io.github.vocstream.ingest.Application", ports.ingest(), "512m", shared),
                // CoreNLP's models (parser, tagger, sentiment) need about 1.5 GB once loaded.
                new ServiceProcess.Spec("sentiment-service", "io.github.vocstream.sentiment.Application", ports.sentiment(), "3g", shared),
                new ServiceProcess.Spec("aggregator-service", "io.github.vocstream.aggregator.Application", ports.aggregator(), "1g",
                        aggregator));
    }

    /** The HTTP ports of the three services. */
    public record Ports(int ingest, int sentiment, int aggregator) {

        public static final Ports DEFAULT = new Ports(8081, 8082, 8083);
    }
}
