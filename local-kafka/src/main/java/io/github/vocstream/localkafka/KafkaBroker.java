package io.github.vocstream.localkafka;

/** A running Kafka broker that clients can reach. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
