package io.github.vocstream.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker in KRaft combined mode (broker and controller in one process), running in this JVM.
 *
 * <p>Its storage is formatted on first start only, so a broker started again on the same folder keeps its
 * topics, records and consumer offsets.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker listening on {@code port} (0 picks a free one), keeping its data under {@code dataDir}. */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Path logDir = dataDir.resolve("kraft-combined-logs");
        Map<String, String> config = brokerConfig(logDir, brokerPort, controllerPort);
        try {
            Files.createDirectories(logDir);
            Path configFile = dataDir.resolve("server.properties");
            writeProperties(configFile, config);
            // A formatted folder remembers its cluster id; formatting again with a new id would be refused.
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(configFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker storage in " + dataDir, e);
        }
        Properties properties = new Properties();
        properties.putAll(config);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaBroker(server, "localhost:" + brokerPort);
    }

    private static Map<String, String> brokerConfig(Path logDir, int brokerPort, int controllerPort) {
        Map<String, String> config = new TreeMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic can only have one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose (see TopicAdmin); a typo in a topic name should fail, not create a topic.
        config.put("auto.create.topics.enable", "false");
        return config;
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile.toString()};
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(args, out);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static void writeProperties(Path file, Map<String, String> config) throws IOException {
        Properties properties = new Properties();
        properties.putAll(config);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "written by EmbeddedKafkaBroker on each start");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
