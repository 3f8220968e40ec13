package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.Headers;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ingest API on a real broker: a marker posted after some requests shows everything they published.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackControllerIT extends RawTopicIT {

    @Inject
    TransactionalProducers producers;

    /** 202 means every replica has the items: settings from application.yml as shipped (this test sets none of them). */
    @Test
    void theShippedProducersAreIdempotentAndWaitForEveryReplica() {
        assertThat(producers.settings().get(ProducerConfig.ACKS_CONFIG)).hasToString("all");
        assertThat(producers.settings().get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).hasToString("true");
    }

    @Test
    void acceptedItemsAreInKafkaKeyedByTheirIdBeforeThe202() {
        var response = HttpCalls.postJson(feedback(), """
                [{"source":"trustpilot","externalId":"r-1","channel":"review","text":"Lovely staff.",
                  "segments":{"region":"EU"}},
                 {"source":"trustpilot","externalId":"r-2","channel":"review","text":"The refund took six weeks."}]""");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = HttpCalls.json(response);
        assertThat(body.get("accepted").intValue()).isEqualTo(2);
        assertThat(body.get("ids")).extracting(JsonNode::textValue).containsExactly("trustpilot:r-1", "trustpilot:r-2");

        List<ConsumerRecord<String, byte[]>> records = readUntil("trustpilot:r-2");
        ConsumerRecord<String, byte[]> first = records.stream()
                .filter(r -> r.key().equals("trustpilot:r-1")).findFirst().orElseThrow();
        assertThat(new String(first.headers().lastHeader(Headers.FEEDBACK_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo("trustpilot:r-1");
        FeedbackEvent event = JsonSerde.of(FeedbackEvent.class).deserialize(rawTopic, first.value());
        assertThat(event.text()).isEqualTo("Lovely staff.");
        assertThat(event.segments()).containsEntry("region", "EU");
    }

    @Test
    void contactDetailsNeverReachKafka() {
        var response = HttpCalls.postJson(feedback(), """
                {"source":"zendesk","externalId":"pii-1","channel":"ticket","author":"jane.roe@example.com",
                 "text":"Refund to card 4111 1111 1111 1111 please, or call +44 20 7946 0958 or mail jane@example.com"}""");
        assertThat(response.statusCode()).isEqualTo(202);

        ConsumerRecord<String, byte[]> record = readUntil("zendesk:pii-1").stream()
                .filter(r -> r.key().equals("zendesk:pii-1")).findFirst().orElseThrow();
        String stored = new String(record.value(), StandardCharsets.UTF_8);

        assertThat(stored).contains("Refund to card [card] please, or call [phone] or mail [email]")
                .doesNotContain("4111").doesNotContain("7946").doesNotContain("jane@").doesNotContain("jane.roe");
        // The author arrives as a keyed hash: the same customer's items still belong together.
        assertThat(JsonSerde.of(FeedbackEvent.class).deserialize(rawTopic, record.value()).author()).startsWith("h:");
    }

    @Test
    void badRequestsAreRefusedAsProblemsAndPublishNothing() {
        assertProblem(HttpCalls.postJson(feedback(), "{\"source\":\"generic\", "), 400, "body");
        assertProblem(HttpCalls.postJson(feedback(),
                "{\"source\":\"generic\",\"externalId\":\"bad-1\",\"channel\":\"review\"}"), 400, "text");
        assertProblem(HttpCalls.postJson(feedback(),
                "{\"source\":\"generic\",\"externalId\":\"bad-2\",\"channel\":\"review\",\"text\":[\"hi\"],\"rating\":\"5\"}"),
                400, "text", "rating");
        // One bad item spoils the whole request: the good one beside it is not published either.
        assertProblem(HttpCalls.postJson(feedback(), "[" + item("bad-3", "Good.") + ","
                + "{\"source\":\"generic\",\"externalId\":\"bad-4\",\"channel\":\"review\",\"text\":\"\"}]"), 400, "[1].text");
        assertProblem(HttpCalls.postJson(feedback(), item("bad-5", "x".repeat(1_100_000))), 413);
        assertProblem(HttpCalls.post(feedback(), "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415);

        assertThat(HttpCalls.postJson(feedback(), item("marker", "Written after the bad requests.")).statusCode()).isEqualTo(202);

        assertThat(readUntil("generic:marker")).extracting(ConsumerRecord::key)
                .noneMatch(key -> key.startsWith("generic:bad-"));
    }

    @Test
    void unknownRoutesAreProblemsToo() {
        assertProblem(HttpCalls.get(uri("/v1/nothing-here")), 404);
    }

    @Test
    void healthReportsUp() {
        var response = HttpCalls.get(uri("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.json(response).get("status").textValue()).isEqualTo("UP");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String... fields) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = HttpCalls.json(response);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("title").textValue()).isNotBlank();
        if (fields.length > 0) {
            assertThat(problem.get("errors")).extracting(error -> error.get("field").textValue())
                    .containsExactlyInAnyOrder(fields);
        }
    }

    private URI feedback() {
        return uri("/v1/feedback");
    }

    private static String item(String externalId, String text) {
        return "{\"source\":\"generic\",\"externalId\":\"" + externalId + "\",\"channel\":\"review\",\"text\":\"" + text + "\"}";
    }
}
