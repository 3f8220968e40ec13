package io.github.vocstream.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.IngestEndpoints;
import io.github.vocstream.ingest.IngestEndpoints.Endpoint;
import io.github.vocstream.ingest.feedback.ApiKeys;
import io.github.vocstream.ingest.fuzz.Hostility.Credentials;
import io.github.vocstream.ingest.fuzz.Hostility.Edit;
import io.github.vocstream.ingest.stream.StreamClient;
import io.github.vocstream.testkit.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The fuzz tier: every ingest endpoint, the stream included, gets the same generated hostile request in each try, on
 * the real server and a real broker, with the credentials mostly right so that bodies reach the parsers and mappers.
 * No answer may be a 5xx, a refusal is a problem document, no request may cost more than a second of CPU, and at the
 * end the raw topic holds exactly what the 202s named: nothing of a refused request, all of an accepted one.
 * <p>
 * The seed is fixed, so that a build fails only on a change; to look further, run with another seed. A failure
 * prints its shrunk sample: keep it in {@link #regressions()} once it is fixed.
 */
class HostileRequestsFuzzIT {

    static final int TRIES = 10_000;
    private static final int MAX_MESSAGE_BYTES = 1_048_576;
    // Not a WebSocket close code: the connection was cut (a broken pipe) while an oversized message was still sent.
    private static final int CUT = 0;
    private static final long CPU_LIMIT_NANOS = Duration.ofSeconds(1).toNanos();
    private static final String KEY = "fuzz-client-key-" + UUID.randomUUID();
    private static final String RAW_TOPIC = "raw-fuzz-" + UUID.randomUUID();
    private static final String ERASURES_TOPIC = "erasures-fuzz-" + UUID.randomUUID();

    // Four requests at a time: the group commit then puts several 202s in one transaction, and a try takes a third less
    // time. A request's CPU is measured over its own window, which includes the others' work: an upper bound.
    private static final ExecutorService SENDERS = Executors.newFixedThreadPool(4);

    private static EmbeddedServer server;
    private static List<Endpoint> endpoints;
    private static StreamClient stream;
    private static final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    private static final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    private static final Map<String, Long> maxCpuNanos = new TreeMap<>();

    @BeforeContainer
    static void startServer() throws Exception {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 1, List.of(RAW_TOPIC, ERASURES_TOPIC));
        Map<String, Object> properties = new HashMap<>(IngestEndpoints.properties(KEY));
        properties.putAll(Map.of("kafka.bootstrap.servers", bootstrap, "voc.topics.raw", RAW_TOPIC, "voc.topics.erasures", ERASURES_TOPIC,
                // Thousands of requests a minute from one client are the point here, not a limit to hit.
                "voc.ingest.rate-limit.items-per-second", "0"));
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        endpoints = IngestEndpoints.all(KEY);
        stream = connectStream();
        warmUp();
    }

    /**
     * Each endpoint takes its real payload, with the credentials the tries use: proof that hostile tries get past the
     * door, and the first use of each code path (class loading, the producers' start) is not charged to a try.
     */
    private static void warmUp() throws Exception {
        for (int round = 0; round < 20; round++) {
            for (Endpoint endpoint : endpoints) {
                assertThat(send(endpoint, endpoint.valid(), endpoint.headers(endpoint.valid())).statusCode())
                        .as(endpoint.path()).isEqualTo(202);
            }
        }
        statuses.clear();
        maxCpuNanos.clear();
    }

    @AfterContainer
    static void stopServer() {
        SENDERS.shutdownNow();
        stream.close();
        server.close();
        statuses.forEach((path, counts) -> System.out.printf("fuzz %-40s %s, max CPU %d ms%n", path, counts,
                maxCpuNanos.get(path) / 1_000_000));
    }

    @Provide
    Arbitrary<Hostility> hostility() {
        return HostileArbitraries.hostility();
    }

    // Not shrunk: each shrinking step sends to every endpoint again, and jqwik's shrinking timeout leaves a step running
    // while the topic is checked. The failure names the endpoint, the body's size and the answer.
    @Property(tries = TRIES, seed = "20261129", shrinking = ShrinkingMode.OFF)
    void noHostileRequestGetsA5xxOrCostsASecondOfCpu(@ForAll("hostility") Hostility hostility) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            sent.add(SENDERS.submit(() -> {
                send(endpoint, hostility);
                return null;
            }));
        }
        sent.add(SENDERS.submit(() -> {
            sendOnStream(hostility);
            return null;
        }));
        for (Future<?> request : sent) {
            try {
                request.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Error error ? error : new AssertionError(e.getCause());
            }
        }
    }

    /** Failures the property found once, kept as they were shrunk. */
    @Example
    void regressions() throws Exception {
        List<Hostility> found = List.of(
                // Intercom: a conversation part's author that is not an object gave a NullPointerException and a 500.
                new Hostility(List.of(new Edit(Edit.Action.REPLACE, 89, "text", "\"" + "<".repeat(100) + "\"")), null,
                        Credentials.VALID, ""),
                // Chatwoot: an id of 300,000 no-break spaces was taken as it came; Kafka refused the record, a 503.
                new Hostility(List.of(new Edit(Edit.Action.SET_FIELD, 0, "id", "\"" + "\u00a0".repeat(300_000) + "\"")), null,
                        Credentials.VALID, ""));
        for (Hostility hostility : found) {
            noHostileRequestGetsA5xxOrCostsASecondOfCpu(hostility);
        }
    }

    /** After every property and example: nothing of a refused request was published, all of an accepted one. */
    @AfterProperty
    void theRawTopicHoldsExactlyWhatThe202sNamed() {
        String marker = "marker-" + UUID.randomUUID();
        var response = HttpCalls.postJson(server.getURI().resolve("/v1/feedback"), ("{\"source\":\"generic\",\"externalId\":\""
                + marker + "\",\"channel\":\"review\",\"text\":\"A marker.\"}").getBytes(StandardCharsets.UTF_8), Map.of(ApiKeys.HEADER, KEY));
        assertThat(response.statusCode()).isEqualTo(202);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(SharedKafka.broker().bootstrapServers(), RAW_TOPIC,
                record -> record.key().equals("generic:" + marker), Duration.ofSeconds(60));
        acceptedIds.add("generic:" + marker);
        Set<String> published = new HashSet<>();
        records.forEach(record -> published.add(record.key()));
        assertThat(published).as("published without a 202 naming it").isSubsetOf(acceptedIds);
        assertThat(acceptedIds).as("named by a 202, not published").isSubsetOf(published);
    }

    private static void send(Endpoint endpoint, Hostility hostility) throws Exception {
        byte[] body = hostility.body(endpoint.valid());
        Map<String, String> headers = switch (hostility.credentials()) {
            case VALID -> endpoint.headers(body);
            case MISSING -> Map.of();
            case HOSTILE -> {
                Map<String, String> hostile = new HashMap<>();
                endpoint.credentialHeaders().forEach(header -> hostile.put(header, hostility.headerValue()));
                yield hostile;
            }
        };
        send(endpoint, body, headers);
    }

    /** Sends one request and checks its answer and cost; the ids of a 202 are noted for the topic's check. */
    private static HttpResponse<String> send(Endpoint endpoint, byte[] body, Map<String, String> headers) {
        long cpuBefore = RequestThreadsCpu.nanos();
        HttpResponse<String> response = HttpCalls.postJson(server.getURI().resolve(endpoint.path()), body, headers);
        long cpu = RequestThreadsCpu.nanos() - cpuBefore;
        String what = endpoint.path() + " with " + body.length + " bytes: " + response.statusCode() + " " + response.body();
        record(endpoint.path(), response.statusCode(), cpu);
        if (response.statusCode() == 202) {
            JsonNode accepted = HttpCalls.json(response);
            accepted.path("ids").forEach(id -> acceptedIds.add(id.textValue()));
            accepted.path("retracted").forEach(id -> acceptedIds.add(id.textValue()));
        }
        assertThat(response.statusCode()).as(what).isLessThan(500);
        assertThat(cpu).as("CPU nanoseconds of " + what).isLessThanOrEqualTo(CPU_LIMIT_NANOS);
        if (response.statusCode() != 202) {
            assertThat(response.statusCode()).as(what).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).as(what)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        return response;
    }

    /** The feedback payload's edit as one stream message, a line per item; an oversized message may close the stream. */
    private static void sendOnStream(Hostility hostility) throws Exception {
        String message = lines(hostility.body(endpoints.get(0).valid()));
        boolean oversized = message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES;
        long cpuBefore = RequestThreadsCpu.nanos();
        try {
            stream.send(message);
        } catch (CompletionException e) {
            // The server may close an oversized message's connection before the message is out.
            if (!oversized) {
                throw e;
            }
        }
        if (oversized) {
            int code = closeCode();
            record("/v1/stream", code, RequestThreadsCpu.nanos() - cpuBefore);
            assertThat(code).as("close code after " + message.length() + " characters").isIn(1009, CUT);
            stream = connectStream();
            return;
        }
        JsonNode ack = stream.nextAck();
        long cpu = RequestThreadsCpu.nanos() - cpuBefore;
        int status = ack.path("status").asInt();
        record("/v1/stream", status, cpu);
        assertThat(status).as("stream ack " + ack).isLessThan(500);
        assertThat(cpu).as("CPU nanoseconds of stream message " + ack).isLessThanOrEqualTo(CPU_LIMIT_NANOS);
        if (status == 202) {
            ack.path("ids").forEach(id -> acceptedIds.add(id.textValue()));
        }
    }

    /** How the server ended the stream: its close code, or {@link #CUT} if it closed while the message was going out. */
    private static int closeCode() throws Exception {
        try {
            return stream.awaitClose();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                return CUT;
            }
            throw e;
        }
    }

    private static String lines(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode root = Json.mapper().readTree(body);
            if (root != null && root.isArray()) {
                List<String> lines = new ArrayList<>();
                root.forEach(item -> lines.add(item.toString()));
                return String.join("\n", lines);
            }
        } catch (IOException e) {
            // Not JSON: sent as it is.
        }
        return text;
    }

    private static synchronized void record(String path, int status, long cpuNanos) {
        statuses.computeIfAbsent(path, p -> new TreeMap<>()).merge(status, 1, Integer::sum);
        maxCpuNanos.merge(path, cpuNanos, Math::max);
    }

    private static StreamClient connectStream() {
        return StreamClient.connect(StreamClient.webSocketUri(server.getURI().resolve("/v1/stream")), Map.of(ApiKeys.HEADER, KEY));
    }
}
