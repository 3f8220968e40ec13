package io.github.vocstream.testkit;

import io.github.vocstream.localkafka.KafkaBroker;
import org.testcontainers.kafka.KafkaContainer;

/** A Kafka broker in a Docker container, for hosts that run a Docker engine. */
final class TestcontainersKafkaBroker implements KafkaBroker {

    private final KafkaContainer container;

    private TestcontainersKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    static TestcontainersKafkaBroker start(String image) {
        KafkaContainer container = new KafkaContainer(image);
        container.start();
        return new TestcontainersKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
