package io.github.vocstream.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.vocstream.ingest.RawTopicIT;
import io.github.vocstream.ingest.feedback.ApiKeys;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What closes or refuses a stream: no key, a message over 1 MiB, a client running too far ahead of its acks. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamLimitsIT extends RawTopicIT {

    private static final String KEY = "k-stream-91c2";
    private static final String NARROW_KEY = "k-narrow-77b1";

    @Override
    protected String clientKey() {
        return KEY;
    }

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.ingest.stream.max-unacknowledged", "1", "voc.ingest.api-keys.narrow", NARROW_KEY,
                "voc.ingest.client-sources.narrow", "acme");
    }

    @Test
    void withoutAKnownKeyTheUpgradeIsRefusedWith401() throws Exception {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of(ApiKeys.HEADER, "a-guess"))) {
            Throwable refused = catchThrowable(() -> StreamClient.connect(streamUri(), headers));

            assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
        }
        try (StreamClient stream = StreamClient.connect(streamUri(), Map.of("Authorization", "Bearer " + KEY))) {
            stream.send(FeedbackStreamIT.lines("keyed-1"));
            assertThat(stream.nextAck().get("status").asInt()).isEqualTo(202);
        }
    }

    @Test
    void noSpellingOfThePathLetsAnUpgradeInWithoutAKey() {
        List<String> spellings = List.of("/v1/stream/", "//v1/stream", "/v1//stream", "/v1/stream//", "/v1/%73tream",
                "/v1/./stream", "/v1/stream/.", "/v1/x/../stream", "/V1/STREAM", "/v1/stream?key=x", "/v1/stream;x",
                "/v1/stream%2F", "/nothing-here");
        for (String spelling : spellings) {
            Throwable refused = catchThrowable(() -> StreamClient.connect(StreamClient.webSocketUri(URI.create(
                    uri("/").toString().replaceAll("/$", "") + spelling)), Map.of()));

            assertThat(refused).as(spelling).hasCauseInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).as(spelling).isEqualTo(401);
        }
    }

    @Test
    void aMessageNamingASourceTheClientMayNotWriteIsRefusedAndTheStreamGoesOn() throws Exception {
        String begin = postMarker();
        try (StreamClient stream = StreamClient.connect(streamUri(), Map.of(ApiKeys.HEADER, NARROW_KEY))) {
            stream.send(FeedbackStreamIT.lines("not-mine"));
            var refused = stream.nextAck();
            stream.send(FeedbackStreamIT.line("mine").replace("\"mastodon\"", "\"acme\""));
            var accepted = stream.nextAck();

            assertThat(refused.get("status").asInt()).isEqualTo(403);
            assertThat(refused.get("errors").get(0).get("field").textValue()).isEqualTo("[0].source");
            assertThat(accepted.get("status").asInt()).as(accepted.toString()).isEqualTo(202);
        }
        assertNothingPublishedSince(begin, "mastodon:not-mine");
    }

    @Test
    void aMessageOverOneMebibyteClosesTheConnection() throws Exception {
        // The JDK's client sends it in fragments, each under the frame limit: the joined message is what is checked.
        String begin = postMarker();
        String huge = FeedbackStreamIT.line("huge").replace("the app keeps crashing.", "x".repeat(FeedbackStreamSocket.MAX_MESSAGE_BYTES));
        try (StreamClient stream = StreamClient.connect(streamUri(), Map.of(ApiKeys.HEADER, KEY))) {
            stream.send(huge);
            assertThat(stream.awaitClose()).isEqualTo(1009);
        }
        assertNothingPublishedSince(begin, "mastodon:huge");
    }

    @Test
    void aClientThatDoesNotWaitForAcknowledgementsIsDisconnected() throws Exception {
        // 500 items a message keep each in handling long after the next has arrived.
        String message = IntStream.range(0, 500).mapToObj(i -> FeedbackStreamIT.line("ahead-" + i)).collect(Collectors.joining("\n"));
        try (StreamClient stream = StreamClient.connect(streamUri(), Map.of(ApiKeys.HEADER, KEY))) {
            for (int i = 0; i < 20 && !stream.isClosed(); i++) {
                stream.send(message);
            }

            assertThat(stream.awaitClose()).isEqualTo(1008);
        }
    }

    private URI streamUri() {
        return StreamClient.webSocketUri(uri(FeedbackStreamSocket.PATH));
    }
}
