package io.github.vocstream.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A connector's feed over one WebSocket on a real broker: each message is acknowledged, in order, once Kafka holds
 * its items, while the connection stays open for the next; a bad message is refused whole and the stream goes on.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackStreamIT extends RawTopicIT {

    @Test
    void eachMessageIsAcknowledgedOnTheOpenConnectionOnceKafkaHoldsIt() throws Exception {
        try (StreamClient stream = StreamClient.connect(streamUri(), Map.of())) {
            stream.send(lines("live-1", "live-2"));
            JsonNode first = stream.nextAck();
            // Acknowledged before anything else was sent: progress is reported as the feed goes.
            assertThat(first.get("seq").asLong()).isEqualTo(1);
            assertThat(first.get("status").asInt()).isEqualTo(202);
            assertThat(first.get("ids")).extracting(JsonNode::textValue).containsExactly("mastodon:live-1", "mastodon:live-2");
            ConsumerRecord<String, byte[]> published = readUntil("mastodon:live-2").stream()
                    .filter(record -> record.key().equals("mastodon:live-1")).findFirst().orElseThrow();
            assertThat(JsonSerde.of(FeedbackEvent.class).deserialize(rawTopic, published.value()).text())
                    .isEqualTo("Mail me at [email], the app keeps crashing.");

            stream.send(lines("live-3"));
            assertThat(stream.nextAck().get("ids")).extracting(JsonNode::textValue).containsExactly("mastodon:live-3");
        }
    }

    @Test
    void messagesSentAheadAreAcknowledgedInTheirOrder() throws Exception {
        try (StreamClient stream = StreamClient.connect(streamUri(), Map.of())) {
            for (int i = 0; i < 10; i++) {
                stream.send(lines("burst-" + i + "-a", "burst-" + i + "-b"));
            }
            List<Long> seqs = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                JsonNode ack = stream.nextAck();
                seqs.add(ack.get("seq").asLong());
                ack.get("ids").forEach(id -> ids.add(id.textValue()));
            }

            assertThat(seqs).containsExactlyElementsOf(IntStream.rangeClosed(1, 10).mapToObj(Long::valueOf).toList());
            assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 10).boxed()
                    .flatMap(i -> List.of("mastodon:burst-" + i + "-a", "mastodon:burst-" + i + "-b").stream()).toList());
        }
    }

    @Test
    void aBadMessageIsRefusedWholeAndTheStreamGoesOn() throws Exception {
        String begin = postMarker();
        try (StreamClient stream = StreamClient.connect(streamUri(), Map.of())) {
            stream.send(lines("half-good") + "\n" + line("half-bad").replace("\"social\"", "\"fax\""));
            JsonNode refused = stream.nextAck();
            stream.send("{not json");
            JsonNode notJson = stream.nextAck();
            stream.send(lines("after-bad"));
            JsonNode accepted = stream.nextAck();

            assertThat(refused.get("status").asInt()).isEqualTo(400);
            assertThat(refused.get("errors").get(0).get("field").textValue()).isEqualTo("[1].channel");
            assertThat(notJson.get("errors").get(0).get("field").textValue()).isEqualTo("[0]");
            assertThat(accepted.get("seq").asLong()).isEqualTo(3);
            assertThat(accepted.get("status").asInt()).isEqualTo(202);
        }
        assertNothingPublishedSince(begin, "mastodon:half-good", "mastodon:half-bad");
    }

    @Test
    void hostileMessagesAreEachRefusedWithA4xxAndTheConnectionStaysUsable() throws Exception {
        String begin = postMarker();
        String valid = line("fuzz-1");
        List<String> hostile = new ArrayList<>(List.of(
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
                valid.replace("the app keeps crashing.", "x".repeat(500_000)),
                "{\"source\":7,\"externalId\":[],\"channel\":{},\"text\":false,\"tags\":\"x\",\"segments\":[1]}",
                "null", "\"just a string\"", valid + "\n\n" + valid.replace("fuzz-1", "fuzz-2")));
        for (int cut = 1; cut < valid.length(); cut += 7) {
            hostile.add(valid.substring(0, cut));
        }
        try (StreamClient stream = StreamClient.connect(streamUri(), Map.of())) {
            for (int i = 0; i < hostile.size(); i++) {
                stream.send(hostile.get(i));
                JsonNode ack = stream.nextAck();
                String sent = hostile.get(i);
                String what = "message " + (i + 1) + " '" + sent.substring(0, Math.min(60, sent.length())) + "': " + ack;
                assertThat(ack.get("seq").asLong()).as(what).isEqualTo(i + 1);
                assertThat(ack.get("status").asInt()).as(what).isBetween(400, 499);
            }
            stream.send(lines("fuzz-after"));
            assertThat(stream.nextAck().get("status").asInt()).isEqualTo(202);
        }
        assertNothingPublishedSince(begin, "mastodon:fuzz-1", "mastodon:fuzz-2");
    }

    @Test
    void textThatOnceOverflowedTheStackIsTakenAndTheNextMessageIsAnswered() throws Exception {
        // An e-mail-like run of 3,000 ".a" overflowed the masking pattern's stack; the error left the connection mute.
        try (StreamClient stream = StreamClient.connect(streamUri(), Map.of())) {
            stream.send(line("deep-mail").replace("the app keeps crashing.", "x@y" + ".a".repeat(3_000)));
            JsonNode first = stream.nextAck();
            stream.send(lines("after-deep-mail"));
            JsonNode second = stream.nextAck();

            assertThat(first.get("status").asInt()).isEqualTo(202);
            assertThat(second.get("seq").asLong()).isEqualTo(2);
            assertThat(second.get("status").asInt()).isEqualTo(202);
        }
    }

    private URI streamUri() {
        return StreamClient.webSocketUri(uri(FeedbackStreamSocket.PATH));
    }

    static String lines(String... externalIds) {
        return Arrays.stream(externalIds).map(FeedbackStreamIT::line).collect(Collectors.joining("\n"));
    }

    static String line(String externalId) {
        return "{\"source\":\"mastodon\",\"externalId\":\"" + externalId + "\",\"channel\":\"social\","
                + "\"text\":\"Mail me at jane@example.com, the app keeps crashing.\"}";
    }
}
