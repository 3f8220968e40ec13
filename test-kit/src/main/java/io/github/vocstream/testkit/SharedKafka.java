package io.github.vocstream.testkit;

import io.github.vocstream.localkafka.EmbeddedKafkaBroker;
import io.github.vocstream.localkafka.KafkaBroker;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The one broker of a test JVM: a Testcontainers Kafka where a Docker engine answers, the embedded KRaft broker
 * otherwise. Both are real brokers. It starts on first use and stops when the JVM exits.
 */
public final class SharedKafka {

    private static final Logger LOG = LoggerFactory.getLogger(SharedKafka.class);
    private static KafkaBroker broker;

    private SharedKafka() {
    }

    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = startBroker();
        }
        return broker;
    }

    private static KafkaBroker startBroker() {
        if (!"embedded".equals(System.getProperty("voc.test.kafka")) && dockerAvailable()) {
            String image = "apache/kafka:" + AppInfoParser.getVersion();
            LOG.info("Docker engine found: starting Kafka container {}", image);
            KafkaBroker container = TestcontainersKafkaBroker.start(image);
            Runtime.getRuntime().addShutdownHook(new Thread(container::close, "shared-kafka-stop"));
            return container;
        }
        ScratchDirectory dataDir = ScratchDirectory.create("voc-kafka-");
        LOG.info("No Docker engine: starting the embedded KRaft broker in {}", dataDir.path());
        EmbeddedKafkaBroker embedded = EmbeddedKafkaBroker.start(dataDir.path(), 0);
        // One hook, in this order: shutdown hooks run concurrently, and a broker whose log folder disappears
        // while it runs halts the JVM with exit code 1.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            embedded.close();
            dataDir.close();
        }, "shared-kafka-stop"));
        return embedded;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
