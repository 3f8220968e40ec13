package io.github.vocstream.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.aggregator.topology.AnnotatedFeedbacks;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvents;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.test.ApiDocumentCoverage;
import io.github.vocstream.common.test.ApiDocumentCoverage.Route;
import io.github.vocstream.common.test.FreePorts;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.common.test.PrometheusScrape;
import io.github.vocstream.common.test.SseClient;
import io.github.vocstream.common.webhook.StandardWebhooks;
import io.github.vocstream.testkit.ConsumerGroupProgress;
import io.github.vocstream.testkit.ScratchDirectory;
import io.github.vocstream.testkit.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The aggregator on a real broker, queried over HTTP as a dashboard would. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentQueryIT implements TestPropertyProvider {

    private final String suffix = UUID.randomUUID().toString();
    private final String annotatedTopic = "annotated-" + suffix;
    private final String dlqTopic = "dlq-" + suffix;
    private final String alertsTopic = "alerts-" + suffix;
    private static final String ALERT_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private final WebhookReceiver receiver = WebhookReceiver.start(path -> path.equals("/takes-second") ? 2 : Integer.MAX_VALUE);

    @Inject
    EmbeddedServer server;

    @Inject
    ConfiguredStreamBuilder streams;

    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 2, List.of(annotatedTopic, dlqTopic, alertsTopic, "erasures-" + suffix));
        int port = FreePorts.next();
        Map<String, String> properties = new HashMap<>(Map.of("kafka.bootstrap.servers", bootstrap,
                "voc.topics.annotated", annotatedTopic, "voc.topics.dlq", dlqTopic, "voc.topics.alerts", alertsTopic,
                "micronaut.server.port", Integer.toString(port),
                "kafka.streams.default.application.id", "aggregator-" + suffix,
                "kafka.streams.default.application.server", "localhost:" + port,
                "kafka.streams.default.state.dir", stateDirectory(),
                "voc.replication-factor", "1",
                // The read keys are SegmentForwardingIT's.
                "voc.query.open", "true"));
        properties.put("voc.topics.erasures", "erasures-" + suffix);
        properties.put("voc.query.allowed-origins", "https://dash.example");
        // The test items come from trustpilot: here it runs an NPS survey rather than collecting stars.
        properties.put("voc.ratings.sources", "trustpilot=nps");
        // Two alert destinations: one that takes each alert after refusing the first attempt, one that is down.
        properties.put("voc.alerts.deliver-from", "earliest");
        properties.put("voc.alerts.destinations.receiver.url", receiver.url("/takes-second"));
        properties.put("voc.alerts.destinations.receiver.secret", ALERT_SECRET);
        properties.put("voc.alerts.destinations.down.url", receiver.url("/down"));
        properties.put("voc.alerts.destinations.down.secret", ALERT_SECRET);
        return properties;
    }

    @Test
    void aDashboardOnAnAllowedOriginMayReadFromTheBrowserAndOthersMayNot() throws Exception {
        var client = HttpClient.newHttpClient();
        var allowed = client.send(preflight("https://dash.example"), HttpResponse.BodyHandlers.ofString());
        var other = client.send(preflight("https://evil.example"), HttpResponse.BodyHandlers.ofString());

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://dash.example");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase(Locale.ROOT))
                .contains("authorization");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest preflight(String origin) {
        return HttpRequest.newBuilder(server.getURI().resolve("/v1/segments/all/sentiment"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build();
    }

    @Test
    void theApiDocumentDescribesEveryRouteAndItsViewerIsServed() {
        var response = HttpCalls.get(uri("/swagger/aggregator-api.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        List<Route> routes = router.uriRoutes()
                .filter(route -> route.getDeclaringType().getName().startsWith("io.github.vocstream."))
                .map(route -> new Route(route.getHttpMethodName(), route.getUriMatchTemplate().toPathString())).distinct().toList();

        assertThat(routes).as("the router knows the query API").hasSizeGreaterThan(5);
        assertThat(ApiDocumentCoverage.missing(routes, HttpCalls.json(response))).isEmpty();
        var viewer = HttpCalls.get(uri("/swagger-ui/index.html"));
        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.body()).contains("aggregator-api.json");
    }

    @Test
    void theCopiesOfTheInternalTopicsComeFromConfiguration() {
        // One broker here; docker-compose.yml sets 3 through VOC_REPLICATION_FACTOR.
        assertThat(streams.getConfiguration().get("replication.factor")).hasToString("1");
    }

    /** The counting guarantee comes from application.yml as shipped (this test sets none of it), not from the tests. */
    @Test
    void theShippedConfigurationCountsExactlyOnce() {
        StreamsConfig inForce = new StreamsConfig(streams.getConfiguration());

        assertThat(inForce.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(inForce.getMainConsumerConfigs("group", "client", 0).get(ConsumerConfig.ISOLATION_LEVEL_CONFIG))
                .as("reads only committed output").isEqualTo("read_committed");
        // What a task's producer is built with, read as the producer reads it (defaults included).
        Map<String, Object> settings = new HashMap<>(inForce.getProducerConfigs("client"));
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ProducerConfig producer = new ProducerConfig(settings);
        assertThat(producer.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
        assertThat(producer.getString(ProducerConfig.ACKS_CONFIG)).isIn("all", "-1");
    }

    @Test
    void countsAppearInTheApiAndARetriedDeliveryCountsOnce() throws Exception {
        String region = "region:it-" + suffix.substring(0, 8);
        try (var producer = producer()) {
            for (int i = 0; i < 10; i++) {
                SentimentLabel label = i < 6 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
                send(producer, annotated("q-" + i, label, label == SentimentLabel.POSITIVE ? 0.5 : -0.5, region));
            }
            send(producer, annotated("q-0", SentimentLabel.POSITIVE, 0.5, region));
            producer.send(new ProducerRecord<>(annotatedTopic, "trustpilot:junk", "junk".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }

        // Proof that the redelivery was processed, not only the first ten: the aggregator has committed past every record.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ConsumerGroupProgress.caughtUp(SharedKafka.broker().bootstrapServers(), "aggregator-" + suffix, annotatedTopic)
                        && countOf(region) >= 10);
        JsonNode segment = HttpCalls.json(HttpCalls.get(uri("/v1/segments/" + region + "/sentiment")));
        assertThat(segment.get("count").longValue()).as("the redelivered q-0 counts once").isEqualTo(10);
        assertThat(segment.get("segment").textValue()).isEqualTo(region);
        assertThat(segment.get("positive").longValue()).isEqualTo(6);
        assertThat(segment.get("negative").longValue()).isEqualTo(4);
        assertThat(segment.get("neutral").longValue()).isZero();
        assertThat(segment.get("meanScore").doubleValue()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(segment.get("lastFeedbackAt").textValue()).isNotBlank();

        // The segments of one item are on different partitions of the repartition topic, so they fill in one by one.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var list = HttpCalls.get(uri("/v1/segments"));
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(HttpCalls.json(list).get("segments")).extracting(node -> node.get("segment").textValue())
                    .contains("all", "channel:review", "source:trustpilot", region);
        });

        var dead = TopicReader.readCount(SharedKafka.broker().bootstrapServers(), dlqTopic, 1, Duration.ofSeconds(30));
        assertThat(dead).extracting(record -> record.key()).containsExactly("trustpilot:junk");

        // The topology's own figures, and the queries, reach a Prometheus scraper.
        PrometheusScrape scrape = PrometheusScrape.of(server.getURI());
        assertThat(scrape.hasMetricStartingWith("kafka_streams_records_lag_max")).as(scrape.names().toString()).isTrue();
        assertThat(scrape.sum("http_server_requests_seconds_count", Map.of("uri", "/v1/segments", "service", "aggregator")))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theLiveStreamPushesEachChangeAndResumesFromTheLastEventItSaw() throws Exception {
        String segment = "region:live-" + suffix.substring(0, 8);
        assertThat(HttpCalls.get(uri("/v1/segments/nocolon/live")).statusCode()).isEqualTo(400);
        SseClient.Event first;
        try (var live = SseClient.open(uri("/v1/segments/" + segment + "/live"), Map.of());
             var producer = producer()) {
            assertThat(live.status()).isEqualTo(200);
            send(producer, annotated("live-1", SentimentLabel.NEGATIVE, -0.5, segment));

            first = live.next("summary", Duration.ofSeconds(30));
            JsonNode summary = HttpCalls.json(first.data());
            assertThat(summary.get("sentiment").get("count").longValue()).isEqualTo(1);
            assertThat(summary.get("sentiment").get("negative").longValue()).isEqualTo(1);
            assertThat(summary.get("themes").get("sort").textValue()).isEqualTo("impact");
            assertThat(first.id()).isNotBlank();
            assertThat(getJson("/v1/segments/" + segment + "/summary")).isEqualTo(summary);
        }
        // Back with the last id it saw: the unchanged summary is not sent again; the next change is.
        try (var resumed = SseClient.open(uri("/v1/segments/" + segment + "/live"), Map.of("Last-Event-ID", first.id()));
             var producer = producer()) {
            send(producer, annotated("live-2", SentimentLabel.POSITIVE, 0.5, segment));

            SseClient.Event next = resumed.next("summary", Duration.ofSeconds(30));
            assertThat(HttpCalls.json(next.data()).get("sentiment").get("count").longValue()).isEqualTo(2);
            assertThat(next.id()).isNotEqualTo(first.id());
        }
        // With an id from before a change, the current summary comes at once.
        try (var behind = SseClient.open(uri("/v1/segments/" + segment + "/live"), Map.of("Last-Event-ID", first.id()))) {
            assertThat(HttpCalls.json(behind.next("summary", Duration.ofSeconds(30)).data())
                    .get("sentiment").get("count").longValue()).isEqualTo(2);
        }
    }

    @Test
    void aSpikeOnOneThemeIsAnAlertEveryInstanceServes() throws Exception {
        String team = "spike-" + suffix.substring(0, 8);
        // A week of ordinary negative mentions, then three times as many for half an hour, all in the past.
        Instant weekLater = Instant.now().minus(Duration.ofHours(2));
        Instant start = weekLater.minus(Duration.ofDays(7));
        Random random = new Random(17);
        List<AnnotatedFeedback> feedback = new ArrayList<>(
                AnnotatedFeedbacks.negativeMentions(random, team, "bugs", start, weekLater, 20));
        feedback.addAll(AnnotatedFeedbacks.negativeMentions(random, team, "bugs", weekLater, weekLater.plus(Duration.ofMinutes(30)), 60));
        try (var producer = producer()) {
            for (AnnotatedFeedback item : feedback) {
                producer.send(new ProducerRecord<>(annotatedTopic, item.id(),
                        JsonSerde.of(AnnotatedFeedback.class).serialize(annotatedTopic, item)));
            }
            producer.flush();
        }

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
                getJson("/v1/alerts?segment=team:" + team + "&theme=bugs").get("alerts").size() == 1);
        JsonNode alert = getJson("/v1/alerts?segment=team:" + team + "&theme=bugs").get("alerts").get(0);
        assertThat(alert.get("kind").textValue()).isEqualTo("negative-rate");
        assertThat(Instant.parse(alert.get("at").textValue())).isAfter(weekLater).isBefore(weekLater.plus(Duration.ofMinutes(30)));
        assertThat(getJson("/v1/alerts?segment=team:" + team + "&since=" + weekLater.plus(Duration.ofHours(1))).get("alerts")).isEmpty();
        // Delivered, signed, once per alert id; the destination that is down never held up the counting.
        String id = alert.get("id").textValue();
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.taken("/takes-second", id) == 1);
        List<WebhookReceiver.Attempt> attempts = receiver.attempts("/takes-second", id);
        assertThat(attempts).extracting(WebhookReceiver.Attempt::status).containsExactly(503, 204);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.signature()).isEqualTo(StandardWebhooks.sign(StandardWebhooks.key(ALERT_SECRET), id,
                    Long.parseLong(attempt.timestamp()), attempt.body()));
            assertThat(HttpCalls.json(new String(attempt.body(), StandardCharsets.UTF_8)).get("id").textValue()).isEqualTo(id);
        });
        // The one that is down retries its first alert, and holds up nothing but its own queue.
        assertThat(receiver.attempts("/down")).hasSizeGreaterThanOrEqualTo(2).allMatch(attempt -> attempt.status() == 503);
        assertThat(countOf("team:" + team)).isEqualTo(feedback.size());
        assertBadRequest("/v1/alerts?since=yesterday", "since");
        assertBadRequest("/v1/alerts?limit=0", "limit");
    }

    @Test
    void anUnknownSegmentIs404AndAMalformedKey400() {
        await().atMost(Duration.ofSeconds(60)).until(() -> HttpCalls.get(uri("/v1/segments/plan:none")).statusCode() != 503);

        var unknown = HttpCalls.get(uri("/v1/segments/plan:never-seen/sentiment"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(HttpCalls.json(unknown).get("detail").textValue()).contains("plan:never-seen");

        var malformed = HttpCalls.get(uri("/v1/segments/nocolon/sentiment"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(HttpCalls.json(malformed).get("errors").get(0).get("field").textValue()).isEqualTo("segment");
    }

    @Test
    void aThemeTurningNegativeLeadsTheDriversAndShowsInItsTimeline() throws Exception {
        String team = "it-" + suffix.substring(0, 8);
        String segment = "team:" + team;
        // Whole seconds, so that the items' extra milliseconds never cross into the next minute.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant calm = now.minus(Duration.ofMinutes(8));
        Instant storm = now.minus(Duration.ofMinutes(2));
        try (var producer = producer()) {
            for (int i = 0; i < 10; i++) {
                send(producer, AnnotatedFeedbacks.aboutTheme("calm-" + team + "-" + i, calm.plusMillis(i), "staff",
                        SentimentLabel.POSITIVE, 0.6, Map.of("team", team)));
            }
            for (int i = 0; i < 6; i++) {
                send(producer, AnnotatedFeedbacks.aboutTheme("fine-" + team + "-" + i, calm.plusMillis(i), "delivery",
                        SentimentLabel.POSITIVE, 0.6, Map.of("team", team)));
            }
            for (int i = 0; i < 8; i++) {
                send(producer, AnnotatedFeedbacks.aboutTheme("storm-" + team + "-" + i, storm.plusMillis(i), "delivery/late",
                        SentimentLabel.NEGATIVE, -0.6, Map.of("team", team), "courier app"));
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> countOf(segment) == 24);

        JsonNode drivers = getJson("/v1/segments/" + segment + "/themes?sort=impact");
        assertThat(drivers.get("feedbackCount").longValue()).isEqualTo(24);
        assertThat(drivers.get("themes")).extracting(theme -> theme.get("theme").textValue())
                .containsExactly("delivery/late", "delivery", "staff");
        JsonNode late = drivers.get("themes").get(0);
        assertThat(late.get("label").textValue()).isEqualTo("Late delivery");
        assertThat(late.get("parent").textValue()).isEqualTo("delivery");
        assertThat(late.get("negative").longValue()).isEqualTo(8);
        assertThat(late.get("share").doubleValue()).isCloseTo(8.0 / 24, within(1e-9));
        double segmentMean = (10 * 0.6 + 6 * 0.6 - 8 * 0.6) / 24;
        assertThat(late.get("impact").doubleValue()).isCloseTo(8 * (-0.6 - segmentMean) / 24, within(1e-9));
        assertThat(getJson("/v1/segments/" + segment + "/themes?sort=mentions&limit=1").get("themes"))
                .extracting(theme -> theme.get("theme").textValue()).containsExactly("delivery");

        JsonNode detail = getJson("/v1/segments/" + segment + "/themes/delivery/late");
        assertThat(detail.get("theme").get("mentions").longValue()).isEqualTo(8);
        assertThat(detail.get("evidence")).hasSize(5).allSatisfy(evidence -> {
            assertThat(evidence.get("sentence").textValue()).startsWith("About delivery/late: storm-");
            assertThat(evidence.get("label").textValue()).isEqualTo("negative");
            // Where the theme's words are, for a dashboard to mark them.
            JsonNode highlight = evidence.get("highlights").get(0);
            assertThat(evidence.get("sentence").textValue().substring(highlight.get("begin").intValue(), highlight.get("end").intValue()))
                    .isEqualTo("delivery/late");
        });
        assertThat(detail.get("evidence").get(0).get("feedbackId").textValue()).isEqualTo("trustpilot:storm-" + team + "-7");

        JsonNode comparison = getJson("/v1/compare?a=" + segment + "&b=all");
        assertThat(comparison.get("a").get("feedbackCount").longValue()).isEqualTo(24);
        assertThat(comparison.get("themes")).extracting(theme -> theme.get("theme").textValue())
                .contains("delivery/late", "delivery", "staff");
        assertThat(comparison.get("method").textValue()).contains("z-test");
        var badComparison = HttpCalls.get(uri("/v1/compare?a=nocolon"));
        assertThat(badComparison.statusCode()).isEqualTo(400);
        assertThat(HttpCalls.json(badComparison).get("errors")).extracting(error -> error.get("field").textValue())
                .containsExactly("a", "b");

        JsonNode timeline = getJson("/v1/segments/" + segment + "/timeline?bucket=minute&theme=delivery");
        assertThat(timeline.get("buckets")).extracting(bucket -> bucket.get("start").textValue()).containsExactly(
                calm.truncatedTo(ChronoUnit.MINUTES).toString(), storm.truncatedTo(ChronoUnit.MINUTES).toString());
        assertThat(timeline.get("buckets").get(0).get("positive").longValue()).isEqualTo(6);
        assertThat(timeline.get("buckets").get(1).get("negative").longValue()).isEqualTo(8);
        // Six minutes apart, calm and storm share an hour bucket unless the run is in the first minutes of an hour.
        boolean oneHour = calm.truncatedTo(ChronoUnit.HOURS).equals(storm.truncatedTo(ChronoUnit.HOURS));
        assertThat(getJson("/v1/segments/" + segment + "/timeline").get("buckets"))
                .extracting(bucket -> bucket.get("count").longValue()).containsExactlyElementsOf(oneHour ? List.of(24L) : List.of(16L, 8L));

        JsonNode emerging = getJson("/v1/segments/" + segment + "/emerging");
        assertThat(emerging.get("terms")).singleElement().satisfies(term -> {
            assertThat(term.get("term").textValue()).isEqualTo("courier app");
            assertThat(term.get("mentions").longValue()).isEqualTo(8);
            assertThat(term.get("score").doubleValue()).isGreaterThan(3);
        });

        JsonNode taxonomy = getJson("/v1/taxonomy");
        assertThat(taxonomy.get("themes")).filteredOn(theme -> theme.get("id").textValue().equals("delivery/late"))
                .singleElement().satisfies(theme -> {
                    assertThat(theme.get("parent").textValue()).isEqualTo("delivery");
                    assertThat(theme.get("tone").textValue()).isEqualTo("negative");
                });
    }

    @Test
    void ratingsGiveTheSegmentItsNpsAndEachThemeItsImpactOnIt() throws Exception {
        String team = "nps-" + suffix.substring(0, 8);
        String segment = "team:" + team;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<AnnotatedFeedback> items = new ArrayList<>();
        int[] staff = {9, 10, 10, 9, 9};
        int[] delivery = {7, 8, 8};
        int[] late = {0, 6};
        for (int i = 0; i < staff.length; i++) {
            items.add(AnnotatedFeedbacks.rated(AnnotatedFeedbacks.aboutTheme("staff-" + team + "-" + i, at.plusMillis(i), "staff",
                    SentimentLabel.POSITIVE, 0.6, Map.of("team", team)), staff[i]));
        }
        for (int i = 0; i < delivery.length; i++) {
            items.add(AnnotatedFeedbacks.rated(AnnotatedFeedbacks.aboutTheme("delivery-" + team + "-" + i, at.plusMillis(i), "delivery",
                    SentimentLabel.NEUTRAL, 0, Map.of("team", team)), delivery[i]));
        }
        for (int i = 0; i < late.length; i++) {
            items.add(AnnotatedFeedbacks.rated(AnnotatedFeedbacks.aboutTheme("late-" + team + "-" + i, at.plusMillis(i), "delivery/late",
                    SentimentLabel.NEGATIVE, -0.6, Map.of("team", team)), late[i]));
        }
        try (var producer = producer()) {
            for (AnnotatedFeedback item : items) {
                send(producer, item);
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> countOf(segment) == 10);

        // 5 promoters, 3 passives, 2 detractors: NPS 30 (RatingScaleTest works out the interval).
        JsonNode nps = getJson("/v1/segments/" + segment + "/sentiment").get("scores").get("nps");
        assertThat(nps.get("rated").longValue()).isEqualTo(10);
        assertThat(nps.get("score").doubleValue()).isCloseTo(30, within(1e-9));
        assertThat(nps.get("low").doubleValue()).isCloseTo(-18.41, within(0.01));
        assertThat(nps.get("fewRatings").booleanValue()).isTrue();
        assertThat(nps.get("groups").get("detractors").longValue()).isEqualTo(2);
        assertThat(getJson("/v1/segments/" + segment + "/sentiment").get("scores").get("stars").get("score").isNull()).isTrue();

        // delivery (7, 8, 8, 0, 6 with its child): without it 5 promoters of 5, NPS 100, impact -70;
        // delivery/late (0, 6): without it NPS 62.5, impact -32.5; staff (all the promoters): without it -40, impact 70.
        JsonNode drivers = getJson("/v1/segments/" + segment + "/themes?sort=nps-impact");
        assertThat(drivers.get("sort").textValue()).isEqualTo("nps-impact");
        assertThat(drivers.get("themes")).extracting(theme -> theme.get("theme").textValue())
                .containsExactly("delivery", "delivery/late", "staff");
        assertThat(drivers.get("themes")).extracting(theme -> theme.get("scores").get("nps").get("impact").doubleValue())
                .containsExactly(-70.0, -32.5, 70.0);
        JsonNode lateDetail = getJson("/v1/segments/" + segment + "/themes/delivery/late").get("theme").get("scores").get("nps");
        assertThat(lateDetail.get("score").doubleValue()).isEqualTo(-100);
        assertThat(lateDetail.get("impact").doubleValue()).isCloseTo(-32.5, within(1e-9));
        JsonNode bucket = getJson("/v1/segments/" + segment + "/timeline?bucket=minute").get("buckets").get(0);
        assertThat(bucket.get("scores").get("nps").get("rated").longValue()).isEqualTo(10);

        // Retracting the 0 leaves 5 promoters and 1 detractor of 9: NPS 44.4.
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(annotatedTopic, items.get(8).id(), null)).get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> countOf(segment) == 9);
        assertThat(getJson("/v1/segments/" + segment + "/sentiment").get("scores").get("nps").get("score").doubleValue())
                .isCloseTo(400.0 / 9, within(1e-9));
    }

    @Test
    void badThemeQueriesNameTheParameterAtFault() {
        await().atMost(Duration.ofSeconds(60)).until(() -> HttpCalls.get(uri("/v1/segments/plan:none")).statusCode() != 503);

        assertBadRequest("/v1/segments/all/themes?sort=loudest", "sort");
        assertBadRequest("/v1/segments/all/themes?limit=0", "limit");
        assertBadRequest("/v1/segments/all/emerging?limit=lots", "limit");
        assertBadRequest("/v1/segments/all/timeline?bucket=day", "bucket");
        assertBadRequest("/v1/segments/all/timeline?from=yesterday", "from");
        assertBadRequest("/v1/segments/all/timeline?from=2026-11-20T10:00:00Z&to=2026-11-19T10:00:00Z", "from");
        assertBadRequest("/v1/segments/nocolon/themes", "segment");

        var unknownTheme = HttpCalls.get(uri("/v1/segments/all/themes/teleportation"));
        assertThat(unknownTheme.statusCode()).isEqualTo(404);
        assertThat(HttpCalls.json(unknownTheme).get("detail").textValue()).contains("teleportation", "/v1/taxonomy");
        assertThat(HttpCalls.get(uri("/v1/segments/plan:never-seen/themes")).statusCode()).isEqualTo(404);
        assertThat(HttpCalls.get(uri("/v1/segments/plan:never-seen/timeline?theme=refund")).statusCode()).isEqualTo(404);
    }

    private void assertBadRequest(String path, String field) {
        var response = HttpCalls.get(uri(path));
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(HttpCalls.json(response).get("errors").get(0).get("field").textValue()).as(path).isEqualTo(field);
    }

    private JsonNode getJson(String path) {
        var response = HttpCalls.get(uri(path));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return HttpCalls.json(response);
    }

    private long countOf(String segment) {
        var response = HttpCalls.get(uri("/v1/segments/" + segment + "/sentiment"));
        return response.statusCode() == 200 ? HttpCalls.json(response).get("count").longValue() : -1;
    }

    private static AnnotatedFeedback annotated(String externalId, SentimentLabel label, double score, String segment) {
        String[] parts = segment.split(":", 2);
        var event = FeedbackEvents.review(externalId, "text", Map.of(parts[0], parts[1]));
        return new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION, event, new DocumentSentiment(label, score), List.of(), List.of(),
                Instant.now());
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.broker().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private void send(KafkaProducer<String, byte[]> producer, AnnotatedFeedback feedback) throws Exception {
        producer.send(new ProducerRecord<>(annotatedTopic, feedback.id(),
                JsonSerde.of(AnnotatedFeedback.class).serialize(annotatedTopic, feedback))).get(30, TimeUnit.SECONDS);
    }

    private URI uri(String path) {
        return server.getURI().resolve(path);
    }


    /** Micronaut stops the application context after the class's last {@code @AfterAll}: the state goes when the JVM exits. */
    private static String stateDirectory() {
        return ScratchDirectory.createDeletedAtExit("aggregator-state-").path().toString();
    }
}
