package io.github.vocstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.testkit.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The three services on a real broker ({@link TestStack}) erase a customer who wrote three items on two platforms:
 * afterwards every count, theme, timeline and evidence list of their segment reads as that of a twin segment that
 * only ever had the other customers' items, and once the topics are compacted no topic holds a sentence of theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerErasureIT {

    /** What makes Jane's sentences findable in any topic: nobody else writes it. */
    private static final String JANES_WORD = "Quorvath";

    private static final Map<String, String> COMPACT_NOW = Map.of("segment.ms", "200", "min.cleanable.dirty.ratio", "0.001",
            "delete.retention.ms", "100", "min.compaction.lag.ms", "0");
    /** The broker's defaults for the same settings. */
    private static final Map<String, String> AS_BEFORE = Map.of("segment.ms", "604800000", "min.cleanable.dirty.ratio", "0.5",
            "delete.retention.ms", "86400000", "min.compaction.lag.ms", "0");

    private TestStack stack;
    private String mixed;
    private String control;

    @BeforeAll
    void startServices() {
        stack = TestStack.shared();
        mixed = "product:erasure-" + stack.run;
        control = "product:erasure-control-" + stack.run;
    }

    @Test
    void anErasedCustomerReadsAsIfTheyHadNeverWrittenAndTheirTextLeavesTheTopics() throws Exception {
        List<String> janes = List.of(
                item("zendesk", "jane-1", "ticket", "jane.doe@example.com",
                        "My " + JANES_WORD + " parcel arrived late again and the box was damaged.", mixed),
                item("zendesk", "jane-2", "ticket", "jane.doe@example.com",
                        "The support agent on the " + JANES_WORD + " ticket was rude and never called back.", mixed),
                item("trustpilot", "jane-3", "review", "jane-tp-7731",
                        "Lovely staff, but the " + JANES_WORD + " refund took six weeks.", mixed));
        String[] others = {"The parcel arrived late and nobody answered my emails.", "The staff were friendly and helpful.",
                "Great prices, will order again."};
        List<String> theirs = new ArrayList<>();
        for (int i = 0; i < others.length; i++) {
            theirs.add(item("zendesk", "other-" + i, "ticket", "someone-" + i + "@example.com", others[i], mixed));
            theirs.add(item("zendesk", "twin-" + i, "ticket", "someone-" + i + "@example.com", others[i], control));
        }
        post("/v1/feedback", "[" + String.join(",", janes) + "," + String.join(",", theirs) + "]");
        awaitCount(mixed, 6);
        awaitCount(control, 3);

        JsonNode accepted = post("/v1/erasures", """
                [{"source":"zendesk","author":"jane.doe@example.com"}, {"source":"trustpilot","author":"jane-tp-7731"}]""");
        String status = accepted.get("status").textValue();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var answer = HttpCalls.get(stack.aggregator().resolve(status));
            return answer.statusCode() == 200 && HttpCalls.json(answer).get("complete").booleanValue();
        });
        JsonNode erasure = HttpCalls.json(HttpCalls.get(stack.aggregator().resolve(status)));
        assertThat(erasure.get("itemsRetracted").longValue()).isEqualTo(3);
        assertThat(erasure.get("references").intValue()).isEqualTo(2);
        assertThat(erasure.toString()).doesNotContain("jane", "h:");
        assertThat(HttpCalls.json(HttpCalls.get(stack.aggregator().resolve("/v1/erasures"))).get("erasures"))
                .extracting(entry -> entry.get("id").textValue()).contains(accepted.get("erasureId").textValue());

        awaitCount(mixed, 3);
        assertReadsTheSame(mixed, control);

        assertTextLeavesTheTopicsOnCompaction();
    }

    /** Every figure of the two segments agrees, and so do their evidence sentences. */
    private void assertReadsTheSame(String segment, String twin) {
        JsonNode a = get("/v1/segments/" + segment + "/sentiment");
        JsonNode b = get("/v1/segments/" + twin + "/sentiment");
        for (String field : List.of("count", "negative", "neutral", "positive", "scored")) {
            assertThat(a.get(field).longValue()).as(field).isEqualTo(b.get(field).longValue());
        }
        assertThat(a.get("meanScore").doubleValue()).isCloseTo(b.get("meanScore").doubleValue(), within(1e-9));
        Map<String, String> themesA = themes(segment);
        assertThat(themesA).as("themes, their figures and evidence").isEqualTo(themes(twin));
        assertThat(themesA).isNotEmpty();
        assertThat(timelineCount(segment)).isEqualTo(timelineCount(twin)).isEqualTo(3);
    }

    /** Per theme: its figures and its evidence sentences, as text, to compare two segments by. */
    private Map<String, String> themes(String segment) {
        Map<String, String> themes = new TreeMap<>();
        for (JsonNode theme : get("/v1/segments/" + segment + "/themes?limit=500").get("themes")) {
            String id = theme.get("theme").textValue();
            List<String> evidence = new ArrayList<>();
            get("/v1/segments/" + segment + "/themes/" + id).get("evidence").forEach(sentence -> evidence.add(sentence.get("sentence").textValue()));
            evidence.sort(String::compareTo);
            themes.put(id, String.format("mentions %d, negative %d, neutral %d, positive %d, mean %.9f, evidence %s",
                    theme.get("mentions").longValue(), theme.get("negative").longValue(), theme.get("neutral").longValue(),
                    theme.get("positive").longValue(), theme.get("meanScore").doubleValue(), evidence));
        }
        return themes;
    }

    private long timelineCount(String segment) {
        long count = 0;
        for (JsonNode bucket : get("/v1/segments/" + segment + "/timeline?bucket=hour").get("buckets")) {
            count += bucket.get("count").longValue();
        }
        return count;
    }

    /**
     * With segments that roll after 200 ms and a cleaner that compacts any dirt, items posted meanwhile roll the
     * segments that hold Jane's records, and compaction keeps only the retractions of her ids: then no record of the
     * feedback topics, nor of any topic of the aggregator (its stores' changelogs; its repartition topics, which Streams
     * purges), holds a word of hers, in any case: not a sentence, not a candidate term. The topics get their settings
     * back afterwards, as other tests share them.
     */
    private void assertTextLeavesTheTopicsOnCompaction() throws Exception {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        List<String> topics = new ArrayList<>(List.of(stack.topics.raw(), stack.topics.annotated(), stack.topics.dlq()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(stack.aggregatorGroup + "-")).sorted().forEach(topics::add);
        }
        assertThat(topics).contains(stack.aggregatorGroup + "-segment-themes-changelog");
        Map<String, Map<String, String>> compactNow = new TreeMap<>();
        Map<String, Map<String, String>> asBefore = new TreeMap<>();
        for (String topic : List.of(stack.topics.raw(), stack.topics.annotated())) {
            compactNow.put(topic, COMPACT_NOW);
            asBefore.put(topic, AS_BEFORE);
        }
        topics.stream().filter(topic -> topic.endsWith("-changelog")).forEach(topic -> {
            compactNow.put(topic, COMPACT_NOW);
            asBefore.put(topic, AS_BEFORE);
        });
        TopicAdmin.configure(bootstrap, compactNow);
        int[] filler = {0};
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                // Each new record rolls the segment before it once 200 ms have passed: the cleaner never touches the
                // active one. A segment of its own each time, and themes, so that every store partition is written to.
                post("/v1/feedback", item("zendesk", "filler-" + filler[0], "ticket", null,
                        "Friendly staff, a quick refund, delivery on time and great support.",
                        "product:filler-" + stack.run + "-" + filler[0]++));
                for (String topic : topics) {
                    assertThat(TopicReader.readAll(bootstrap, topic, Duration.ofSeconds(30))).as(topic).noneMatch(record ->
                            record.value() != null && new String(record.value(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
                                    .contains(JANES_WORD.toLowerCase(Locale.ROOT))
                            || record.key() != null && record.key().toLowerCase(Locale.ROOT).contains(JANES_WORD.toLowerCase(Locale.ROOT)));
                }
            });
        } finally {
            TopicAdmin.configure(bootstrap, asBefore);
        }
    }

    private String item(String source, String externalId, String channel, String author, String text, String segment) {
        String[] dimension = segment.split(":", 2);
        return "{\"source\":\"" + source + "\",\"externalId\":\"" + externalId + "-" + stack.run + "\",\"channel\":\"" + channel
                + "\",\"text\":\"" + text + "\"" + (author == null ? "" : ",\"author\":\"" + author + "\"")
                + ",\"segments\":{\"" + dimension[0] + "\":\"" + dimension[1] + "\"}}";
    }

    private JsonNode post(String path, String json) {
        var response = HttpCalls.postJson(stack.ingest().resolve(path), json.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Api-Key", stack.apiKey));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return HttpCalls.json(response);
    }

    private JsonNode get(String path) {
        var response = HttpCalls.get(stack.aggregator().resolve(URI.create(path.replace(" ", "%20")).toString()));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return HttpCalls.json(response);
    }

    private void awaitCount(String segment, long count) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var response = HttpCalls.get(stack.aggregator().resolve("/v1/segments/" + segment + "/sentiment"));
            return response.statusCode() == 200 && HttpCalls.json(response).get("count").longValue() == count;
        });
    }
}
