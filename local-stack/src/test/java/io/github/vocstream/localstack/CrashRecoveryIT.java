package io.github.vocstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.TopicSettings;
import io.github.vocstream.common.test.FreePorts;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.testkit.ConsumerGroupProgress;
import io.github.vocstream.testkit.ScratchDirectory;
import io.github.vocstream.testkit.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The crash tier, after Kafka's own {@code streams_eos_test}: the three services as separate processes, started from
 * their configuration as shipped, on a real broker; feedback posted through the ingest API the whole time, as a
 * connector posts it (a batch without a 202 is sent again); {@code kill -9} of a random service at random moments,
 * each restarted at once. Then every segment table, theme table and timeline must equal a recount of the annotated
 * topic, and the items counted must be exactly the items acknowledged: none missing, none twice.
 *
 * <p>Figures are printed to this class's output ({@code target/failsafe-reports/...CrashRecoveryIT-output.txt});
 * docs/delivery-guarantees.md keeps the latest. {@code -Dvoc.crash.seed=} repeats a run's kill order and moments.
 */
@Tag("crash")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final int INGEST = 0;
    private static final int SENTIMENT = 1;
    private static final int AGGREGATOR = 2;
    /** 11 kills: each service at least 3 times, the two that keep state 4. */
    private static final List<Integer> VICTIMS = List.of(INGEST, INGEST, INGEST, SENTIMENT, SENTIMENT, SENTIMENT, SENTIMENT,
            AGGREGATOR, AGGREGATOR, AGGREGATOR, AGGREGATOR);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final TopicNames topics = new TopicNames("raw-crash-" + run, "annotated-crash-" + run, "dlq-crash-" + run,
            "alerts-crash-" + run);
    private final String sentimentGroup = "sentiment-crash-" + run;
    private final String aggregatorGroup = "aggregator-crash-" + run;
    private final String apiKey = "crash-" + UUID.randomUUID();
    private final String segment = "run:" + run;
    private final ServiceProcess[] services = new ServiceProcess[3];
    private final List<ServiceProcess> extra = new ArrayList<>();
    private String bootstrap;
    private Path root;
    private final ScratchDirectory work = ScratchDirectory.create("voc-crash-");
    private List<ServiceProcess.Spec> specs;

    @BeforeAll
    void startServices() throws IOException {
        bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 3, TopicSettings.of(topics));
        root = Path.of(System.getProperty("voc.root", "..")).toAbsolutePath().normalize();
        var ports = new Services.Ports(FreePorts.next(), FreePorts.next(), FreePorts.next());
        Map<String, String> unique = Map.of("voc.sentiment.group-id", sentimentGroup,
                "kafka.streams.default.application.id", aggregatorGroup,
                // A joining aggregator takes tasks at once, instead of warming them up until a probing rebalance (10 min).
                "kafka.streams.default.acceptable.recovery.lag", "100000000");
        specs = Services.specs(bootstrap, topics, ports, work.resolve("aggregator-state"), unique, apiKey, LocalSecrets.random());
        for (int i = 0; i < 3; i++) {
            services[i] = ServiceProcess.start(root, specs.get(i), work.resolve("logs"));
        }
        for (ServiceProcess service : services) {
            service.awaitHealthy(Duration.ofMinutes(3));
        }
    }

    @AfterAll
    void stopServices() {
        extra.forEach(ServiceProcess::close);
        for (ServiceProcess service : services) {
            if (service != null) {
                service.close();
            }
        }
        work.close();
    }

    @Test
    @Order(1)
    void killedAgainAndAgainTheServicesLoseNothingAndCountNothingTwice() {
        long seed = Long.getLong("voc.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Integer> victims = new ArrayList<>(VICTIMS);
        Collections.shuffle(victims, random);
        System.out.printf("crash tier: run %s, seed %d (-Dvoc.crash.seed=%d repeats the order and moments)%n", run, seed, seed);

        Instant started = Instant.now();
        List<String> recoveries = new ArrayList<>();
        try (FeedbackLoad load = new FeedbackLoad(services[INGEST].baseUri(), apiKey, run, 5, Duration.ofMillis(100)).start()) {
            for (int victim : victims) {
                // Load flows for a random 1-4 s before each kill, so that kills land mid-request, mid-poll, mid-commit.
                LockSupport.parkNanos(Duration.ofMillis(1000 + random.nextInt(3000)).toNanos());
                int acknowledgedBefore = load.acknowledged().size();
                services[victim].kill();
                long killedAt = System.nanoTime();
                services[victim] = ServiceProcess.start(root, specs.get(victim), work.resolve("logs"));
                services[victim].awaitHealthy(Duration.ofMinutes(2));
                if (victim == AGGREGATOR) {
                    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                            .until(() -> HttpCalls.get(aggregator().resolve("/v1/segments/" + segment + "/sentiment")).statusCode() != 503);
                }
                long recoveredMillis = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
                recoveries.add(services[victim].name() + " " + recoveredMillis + " ms");
                System.out.printf("kill -9 %-17s after %5d items acknowledged: answering again after %5d ms%n",
                        services[victim].name(), acknowledgedBefore, recoveredMillis);
            }
            load.close();
            Map<String, String> acknowledged = load.acknowledged();
            System.out.printf("load: %d items acknowledged, %d of them delivered twice on purpose, %d attempts refused or cut "
                    + "and sent again%n", acknowledged.size(), load.redelivered(), load.refused());

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    ConsumerGroupProgress.caughtUp(bootstrap, sentimentGroup, topics.raw())
                            && ConsumerGroupProgress.caughtUp(bootstrap, aggregatorGroup, topics.annotated())
                            && countOf(segment) >= acknowledged.size());
            Recount recount = Recount.of(TopicReader.readAll(bootstrap, topics.annotated(), Duration.ofMinutes(1)));
            List<String> mismatches = compare(recount);
            long missing = acknowledged.keySet().stream().filter(id -> !recount.ids.contains(id)).count();
            long unexpected = recount.ids.stream().filter(id -> !acknowledged.containsKey(id)).count();
            System.out.printf("recount: %d ids annotated (%d annotated twice, absorbed), %d acknowledged ids missing, "
                            + "%d ids never acknowledged; %d segments, %d theme tables, %d timelines compared: %d mismatches; "
                            + "%d kills in %d s%n",
                    recount.ids.size(), recount.duplicates, missing, unexpected, recount.segments.size(), recount.themes.size(),
                    recount.minutes.size(), mismatches.size(), victims.size(), Duration.between(started, Instant.now()).toSeconds());
            mismatches.stream().limit(20).forEach(mismatch -> System.out.println("  mismatch: " + mismatch));

            assertThat(missing).as("acknowledged items missing").isZero();
            assertThat(unexpected).as("items counted that were never acknowledged").isZero();
            assertThat(countOf(segment)).as("items counted in the run's segment").isEqualTo(acknowledged.size());
            assertThat(mismatches).as("tables that differ from the recount").isEmpty();
            assertThat(recoveries).hasSize(VICTIMS.size());
        }
    }

    /** Every segment, theme table and timeline the recount has, against what the query API answers. */
    private List<String> compare(Recount recount) {
        List<String> mismatches = new ArrayList<>();
        Map<String, Recount.Row> answered = new TreeMap<>();
        HttpCalls.json(HttpCalls.get(aggregator().resolve("/v1/segments"))).get("segments")
                .forEach(row -> answered.put(row.get("segment").textValue(), row(row, "count")));
        if (!answered.equals(recount.segments)) {
            mismatches.add("segments: answered " + answered + ", recounted " + recount.segments);
        }
        recount.themes.forEach((segmentKey, expected) -> {
            Map<String, Recount.Row> themes = new TreeMap<>();
            getJson("/v1/segments/" + segmentKey + "/themes?limit=500").get("themes")
                    .forEach(theme -> themes.put(theme.get("theme").textValue(), row(theme, "mentions")));
            if (!themes.equals(expected)) {
                mismatches.add("themes of " + segmentKey + ": answered " + themes + ", recounted " + expected);
            }
        });
        recount.minutes.forEach((key, expected) -> {
            String[] parts = key.split("\\|", 2);
            Instant from = expected.firstKey();
            Instant to = expected.lastKey().plusSeconds(60);
            Map<Instant, Recount.Row> buckets = new TreeMap<>();
            getJson("/v1/segments/" + parts[0] + "/timeline?bucket=minute&from=" + from + "&to=" + to
                    + (parts.length > 1 ? "&theme=" + parts[1] : "")).get("buckets")
                    .forEach(bucket -> buckets.put(Instant.parse(bucket.get("start").textValue()), row(bucket, "count")));
            if (!buckets.equals(expected)) {
                mismatches.add("timeline of " + key + ": answered " + buckets + ", recounted " + expected);
            }
        });
        return mismatches;
    }

    @Test
    @Order(2)
    void whileASecondAggregatorJoinsAndLeavesEveryAnswerIsRightOrAskedAgainLater() {
        Map<String, Long> settled = new HashMap<>();
        HttpCalls.json(HttpCalls.get(aggregator().resolve("/v1/segments"))).get("segments")
                .forEach(row -> settled.put(row.get("segment").textValue(), row.get("count").longValue()));
        assertThat(settled).containsKey(segment);

        ServiceProcess.Spec first = specs.get(AGGREGATOR);
        Map<String, String> properties = new HashMap<>(first.properties());
        properties.put("voc.state-dir", work.resolve("aggregator-state-2").toString());
        ServiceProcess.Spec secondSpec = new ServiceProcess.Spec(first.module(), first.mainClass(), FreePorts.next(),
                first.maxHeap(), properties, first.secrets());

        try (QueryWatch watch = new QueryWatch(settled).start(aggregator())) {
            ServiceProcess second = ServiceProcess.start(root, secondSpec, work.resolve("logs-2"));
            extra.add(second);
            second.awaitHealthy(Duration.ofMinutes(2));
            watch.alsoAsk(second.baseUri());
            // The join has moved tasks once the new instance holds segments of its own (a forwarded question answers
            // from the local stores only).
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> localSegments(second.baseUri()) > 0
                    && watch.allAnswered(200));
            int heldBySecond = localSegments(second.baseUri());
            long answersBeforeLeaving = watch.answers();

            watch.stopAsking(second.baseUri());
            second.close();
            extra.remove(second);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> watch.answers() > answersBeforeLeaving && watch.allAnswered(200));

            System.out.printf("rebalance: the second instance held %d of %d segments; %d answers, %d of them 503 with "
                            + "Retry-After, %d wrong%n", heldBySecond, settled.size(), watch.answers(), watch.unavailable(),
                    watch.violations().size());
            watch.violations().stream().limit(20).forEach(violation -> System.out.println("  " + violation));
            assertThat(watch.violations()).isEmpty();
            assertThat(watch.answers()).isGreaterThan(settled.size() * 4L);
        }
    }

    private int localSegments(URI instance) {
        var response = HttpCalls.get(instance.resolve("/v1/segments"), Map.of("X-Voc-Forwarded", "1"));
        return response.statusCode() == 200 ? HttpCalls.json(response).get("segments").size() : 0;
    }

    private static Recount.Row row(JsonNode node, String countField) {
        return new Recount.Row(node.get(countField).longValue(), node.get("negative").longValue(), node.get("neutral").longValue(),
                node.get("positive").longValue());
    }

    private JsonNode getJson(String path) {
        var response = HttpCalls.get(aggregator().resolve(path));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return HttpCalls.json(response);
    }

    private long countOf(String segmentKey) {
        var response = HttpCalls.get(aggregator().resolve("/v1/segments/" + segmentKey + "/sentiment"));
        return response.statusCode() == 200 ? HttpCalls.json(response).get("count").longValue() : -1;
    }

    private URI aggregator() {
        return services[AGGREGATOR].baseUri();
    }
}
