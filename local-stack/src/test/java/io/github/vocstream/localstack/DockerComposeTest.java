package io.github.vocstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.TopicSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} checked without a Docker engine (none runs here, and no image can be pulled): its shell
 * commands run as the container's shell receives them, against a stand-in for Kafka's tools; every variable of ours
 * it sets is a documented setting; and each data volume is where its service writes.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void theTopicsJobCreatesEveryTopicWhenItsShellRunsIt(@TempDir Path folder) throws Exception {
        Path calls = folder.resolve("calls.txt");
        Path tool = Files.writeString(folder.resolve("kafka-topics.sh"), "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n");
        tool.toFile().setExecutable(true);
        Map<String, Object> topics = services.get("topics");
        String script = commandOf(topics).replace("/opt/kafka/bin/kafka-topics.sh", tool.toString());

        ProcessBuilder shell = new ProcessBuilder(entrypointOf(topics, script)).redirectErrorStream(true);
        environmentOf(topics).forEach((name, value) -> shell.environment().put(name, value.toString()));
        // Compose's defaults for ${VOC_PARTITIONS:-6} and ${VOC_FEEDBACK_RETENTION_MS:-...}.
        shell.environment().put("VOC_PARTITIONS", "6");
        shell.environment().put("VOC_FEEDBACK_RETENTION_MS", Long.toString(TopicSettings.FEEDBACK_RETENTION.toMillis()));
        Process process = shell.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        List<String> created = Files.readAllLines(calls);
        assertThat(created).allSatisfy(call -> assertThat(call)
                .startsWith("--bootstrap-server kafka-1:9092 --create --if-not-exists --topic ")
                .contains("--partitions 6 --replication-factor 3 --config min.insync.replicas=2"));
        // Every topic the services use, under its default name, with the settings a local stack gives it.
        Map<String, Map<String, String>> settings = new TreeMap<>();
        for (String call : created) {
            Map<String, String> configs = new TreeMap<>();
            Matcher config = Pattern.compile("--config ([a-z.]+)=(\\S+)").matcher(call);
            while (config.find()) {
                configs.put(config.group(1), config.group(2));
            }
            configs.remove("min.insync.replicas");
            settings.put(call.split(" ")[5], configs);
        }
        assertThat(settings).isEqualTo(new TreeMap<>(TopicSettings.of(TopicNames.defaults())));
    }

    @Test
    void everyVariableOfOursThatComposeSetsIsADocumentedSetting() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<Pattern> documented = new ArrayList<>();
        Matcher names = Pattern.compile("`((?:VOC|KAFKA)_[A-Z0-9_<>]+)`").matcher(readme);
        while (names.find()) {
            documented.add(Pattern.compile(names.group(1).replaceAll("<[A-Z]+>", "[A-Z0-9_]+")));
        }
        for (String service : List.of("ingest", "sentiment", "aggregator", "topics")) {
            for (String variable : environmentOf(services.get(service)).keySet()) {
                if (variable.equals("JAVA_OPTS")) {
                    assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("$JAVA_OPTS");
                } else {
                    assertThat(documented).as(service + ": " + variable).anyMatch(name -> name.matcher(variable).matches());
                }
            }
        }
    }

    @Test
    void threeBrokersFormOneClusterThatKeepsEverythingThreeTimesAndAcknowledgesOnTwo() {
        List<String> brokers = List.of("kafka-1", "kafka-2", "kafka-3");
        String voters = "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093";
        for (int i = 0; i < brokers.size(); i++) {
            Map<String, Object> environment = environmentOf(services.get(brokers.get(i)));
            assertThat(environment.get("KAFKA_NODE_ID")).isEqualTo(i + 1);
            assertThat(environment.get("CLUSTER_ID")).isEqualTo(environmentOf(services.get("kafka-1")).get("CLUSTER_ID")).isNotNull();
            assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo(voters);
            assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://" + brokers.get(i) + ":9092");
            assertThat(environment).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3).containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3).containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2);
        }
        for (String service : List.of("ingest", "sentiment", "aggregator")) {
            assertThat(environmentOf(services.get(service)).get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
        }
        assertThat(environmentOf(services.get("aggregator"))).containsEntry("VOC_REPLICATION_FACTOR", 3);
    }

    @Test
    void eachDataVolumeIsWhereItsServiceWrites() {
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            assertThat(environmentOf(services.get(broker)).get("KAFKA_LOG_DIRS")).isEqualTo(mountOf(broker, broker + "-data"));
        }
        assertThat(environmentOf(services.get("aggregator")).get("VOC_STATE_DIR").toString())
                .startsWith(mountOf("aggregator", "aggregator-state") + "/");
    }

    private static String commandOf(Map<String, Object> service) {
        Object command = service.get("command");
        String script = command instanceof List<?> list ? list.get(0).toString() : command.toString();
        // Compose's own interpolation: $$ is a literal $ for the shell.
        return script.replace("$$", "$");
    }

    private static List<String> entrypointOf(Map<String, Object> service, String script) {
        List<String> entrypoint = new ArrayList<>();
        ((List<?>) service.get("entrypoint")).forEach(part -> entrypoint.add(part.toString()));
        entrypoint.add(script);
        return entrypoint;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environmentOf(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    private static String mountOf(String service, String volume) {
        return ((List<?>) services.get(service).get("volumes")).stream().map(Object::toString)
                .filter(mount -> mount.startsWith(volume + ":")).map(mount -> mount.substring(volume.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError(service + " mounts no " + volume));
    }
}
