package io.github.vocstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.IngestEndpoints;
import io.github.vocstream.ingest.IngestEndpoints.Endpoint;
import io.github.vocstream.ingest.RawTopicIT;
import io.github.vocstream.ingest.feedback.ExternalIds;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every ingest endpoint against malformed and hostile bodies, correctly signed so that they reach the parsers and
 * mappers: deep nesting, huge strings, wrong types, invalid UTF-8, truncations and random byte flips of real
 * payloads. None may get a 5xx, and nothing from a refused request may be published.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileBodiesIT extends RawTopicIT {

    private final List<Endpoint> targets = IngestEndpoints.all(null);

    @Override
    protected Map<String, String> moreProperties() {
        return IngestEndpoints.secrets();
    }

    @Test
    void hostileBodiesGetA4xxAndPublishNothing() throws Exception {
        String begin = postMarker();
        List<byte[]> hostile = List.of(
                ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8),
                ("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)).getBytes(StandardCharsets.UTF_8),
                ("{\"source\":\"fuzz\",\"type\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                "{\"type\":7,\"topic\":[],\"detail\":\"x\",\"data\":{\"item\":[1]},\"source\":{},\"text\":false}".getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '"', '}'},
                "null".getBytes(StandardCharsets.UTF_8),
                "\"just a string\"".getBytes(StandardCharsets.UTF_8),
                new byte[0]);
        for (Endpoint target : targets) {
            for (byte[] body : hostile) {
                assertRefusedOrAccepted(target, body, true);
            }
        }
        assertNothingPublishedSince(begin, "generic:fuzz-1", "zendesk:ticket-4711", "intercom:conversation-147000000001-part-31000000003",
                "chatwoot:message-90210", "helpscout:thread-5003", "zammad:article-777", "trustpilot:review-6560a1b2c3d4e5f607182930", "reddit:t1_kx9p2q1", "fuzz:R-1001", "freshdesk:ticket-8123",
                "mastodon:" + ExternalIds.of("mastodon", "https://fosstodon.org/users/kim/statuses/113520000000000001"), "fuzz:fuzz-1", "fuzz:fuzz-2", "fuzz:gone-1");
    }

    @Test
    void truncatedAndBitFlippedPayloadsNeverGetA5xx() throws Exception {
        Random random = new Random(20261123);
        for (Endpoint target : targets) {
            byte[] valid = target.valid();
            for (int i = 0; i < 40; i++) {
                byte[] body = i % 2 == 0 ? Arrays.copyOf(valid, random.nextInt(valid.length))
                        : flip(valid, random, 1 + random.nextInt(4));
                assertRefusedOrAccepted(target, body, false);
            }
        }
    }

    @Test
    void aBatchWithOneBadItemPublishesNoneOfIt() throws Exception {
        String begin = postMarker();
        byte[] batch = ("[{\"source\":\"fuzz\",\"externalId\":\"batch-good\",\"channel\":\"ticket\",\"text\":\"Fine.\"},"
                + "{\"source\":\"fuzz\",\"externalId\":\"batch-bad\",\"channel\":\"ticket\",\"text\":{\"deep\":[1,2]}}]")
                .getBytes(StandardCharsets.UTF_8);
        for (Endpoint target : List.of(targets.get(0), targets.get(targets.size() - 1))) {
            HttpResponse<String> response = HttpCalls.postJson(uri(target.path()), batch, target.headers(batch));
            assertProblem(response, 400);
            assertThat(response.body()).contains("[1].text");
        }
        assertNothingPublishedSince(begin, "fuzz:batch-good", "fuzz:batch-bad");
    }

    private void assertRefusedOrAccepted(Endpoint target, byte[] body, boolean mustRefuse) throws GeneralSecurityException {
        HttpResponse<String> response = HttpCalls.postJson(uri(target.path()), body, target.headers(body));
        String what = target.path() + " with " + describe(body) + ": " + response.body();
        assertThat(response.statusCode()).as(what).isLessThan(500);
        if (mustRefuse || response.statusCode() >= 400) {
            assertThat(response.statusCode()).as(what).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).as(what)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    private static byte[] flip(byte[] valid, Random random, int flips) {
        byte[] body = valid.clone();
        for (int i = 0; i < flips; i++) {
            body[random.nextInt(body.length)] = (byte) random.nextInt(256);
        }
        return body;
    }

    private static String describe(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 60), StandardCharsets.ISO_8859_1);
        return body.length + " bytes '" + text + (body.length > 60 ? "…'" : "'");
    }
}
