package io.github.vocstream.aggregator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.aggregator.query.Placement;
import io.github.vocstream.aggregator.query.SegmentQueries;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvents;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.test.FreePorts;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.common.test.SseClient;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.testkit.ScratchDirectory;
import io.github.vocstream.testkit.SharedKafka;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two aggregator instances share the segments; either answers for every segment, forwarding to the owner once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentForwardingIT {

    private static final int SEGMENTS = 24;
    private static final String READ_KEY = "k-dashboard-3e7f";
    private static final Map<String, String> KEYED = Map.of("Authorization", "Bearer " + READ_KEY);

    private final String suffix = UUID.randomUUID().toString();
    private final String annotatedTopic = "annotated-" + suffix;
    private EmbeddedServer first;
    private EmbeddedServer second;
    private final ScratchDirectory stateDirs = ScratchDirectory.create("aggregator-state-");

    @BeforeAll
    void startTwoInstances() throws Exception {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 4, List.of(annotatedTopic, "dlq-" + suffix, "alerts-" + suffix, "erasures-" + suffix));
        first = start(bootstrap);
        second = start(bootstrap);
    }

    @AfterAll
    void stopInstances() {
        List.of(first, second).forEach(server -> server.getApplicationContext().close());
        stateDirs.close();
    }

    @Test
    void everySegmentIsAnsweredByBothInstancesAndEachHoldsSome() throws Exception {
        List<String> segments = IntStream.range(0, SEGMENTS).mapToObj(i -> "shop:s-" + i).toList();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.broker().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < SEGMENTS; i++) {
                var event = FeedbackEvents.review("f-" + i, "text", Map.of("shop", "s-" + i));
                var annotated = new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION, event,
                        new DocumentSentiment(SentimentLabel.POSITIVE, 0.5), List.of(), List.of(), Instant.now());
                producer.send(new ProducerRecord<>(annotatedTopic, event.id(),
                        JsonSerde.of(AnnotatedFeedback.class).serialize(annotatedTopic, annotated))).get(30, TimeUnit.SECONDS);
            }
        }

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> segments.stream()
                .allMatch(segment -> countOn(first, segment) == 1 && countOn(second, segment) == 1));

        SegmentQueries firstQueries = first.getApplicationContext().getBean(SegmentQueries.class);
        List<Placement> placements = segments.stream().map(firstQueries::placementOf).toList();
        assertThat(placements).as("the first instance holds some segments").anyMatch(Placement.Here.class::isInstance);
        assertThat(placements).as("the second instance holds others").anyMatch(Placement.OnInstance.class::isInstance);
        // Every per-segment question is forwarded the same way, query string included.
        for (String segment : segments) {
            for (EmbeddedServer server : List.of(first, second)) {
                var themes = HttpCalls.get(uri(server, "/v1/segments/" + segment + "/themes?sort=impact&limit=3"), KEYED);
                assertThat(themes.statusCode()).isEqualTo(200);
                assertThat(HttpCalls.json(themes).get("sort").textValue()).isEqualTo("impact");
                assertThat(HttpCalls.json(themes).get("feedbackCount").longValue()).isEqualTo(1);
                assertThat(HttpCalls.json(themes).get("themes").isArray()).as("an empty list is still there").isTrue();
            }
        }

        for (EmbeddedServer server : List.of(first, second)) {
            JsonNode list = HttpCalls.json(HttpCalls.get(uri(server, "/v1/segments"), KEYED));
            assertThat(list.get("segments")).extracting(node -> node.get("segment").textValue())
                    .containsAll(segments).contains("all");
            assertThat(list.get("segments")).filteredOn(node -> node.get("segment").textValue().equals("all"))
                    .singleElement().satisfies(all -> assertThat(all.get("count").longValue()).isEqualTo(SEGMENTS));
        }
        // Without the read key nothing is answered, here or by the owner, in any spelling; health stays open.
        String owned = segments.stream().filter(segment -> firstQueries.placementOf(segment) instanceof Placement.OnInstance)
                .findFirst().orElseThrow();
        for (String path : List.of("/v1/segments", "/v1/segments/", "/v1/segments/" + owned + "/sentiment", "//v1/segments",
                "/v1/segments/" + owned + "/themes?sort=impact", "/v1/taxonomy", "/v1/taxonomy/")) {
            var refused = HttpCalls.get(URI.create(first.getURI().toString().replaceAll("/$", "") + path), Map.of("X-Api-Key", "a-guess"));
            assertThat(refused.statusCode()).as(path).isIn(401, 404);
        }
        assertThat(HttpCalls.get(uri(first, "/v1/segments/" + owned + "/sentiment")).statusCode()).isEqualTo(401);
        assertThat(HttpCalls.get(uri(first, "/v1/segments/" + owned + "/live")).statusCode()).isEqualTo(401);
        assertThat(HttpCalls.get(uri(first, "/health")).statusCode()).isEqualTo(200);

        // The live stream of a segment the other instance holds comes through this one, with the caller's key.
        try (var live = SseClient.open(uri(first, "/v1/segments/" + owned + "/live"), KEYED)) {
            SseClient.Event summary = live.next("summary", Duration.ofSeconds(30));
            assertThat(HttpCalls.json(summary.data()).get("sentiment").get("count").longValue()).isEqualTo(1);
            assertThat(summary.id()).isEqualTo(LiveController.digestOf(
                    HttpCalls.get(uri(second, "/v1/segments/" + owned + "/summary"), KEYED).body()));
        }
    }

    private EmbeddedServer start(String bootstrap) throws Exception {
        int port = FreePorts.next();
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "voc.topics.annotated", annotatedTopic,
                "voc.topics.dlq", "dlq-" + suffix,
                "voc.topics.alerts", "alerts-" + suffix,
                "voc.topics.erasures", "erasures-" + suffix,
                "micronaut.server.port", port,
                "kafka.streams.default.application.id", "aggregator-" + suffix,
                "kafka.streams.default.application.server", "localhost:" + port,
                "kafka.streams.default.state.dir", stateDirs.resolve("state-" + port).toString(),
                "voc.query.api-keys.dashboard", READ_KEY));
    }

    private static long countOn(EmbeddedServer server, String segment) {
        var response = HttpCalls.get(uri(server, "/v1/segments/" + segment + "/sentiment"), KEYED);
        return response.statusCode() == 200 ? HttpCalls.json(response).get("count").longValue() : -1;
    }

    private static URI uri(EmbeddedServer server, String path) {
        return server.getURI().resolve(path);
    }
}
