package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A source over its rate gets 429 with Retry-After, on a real broker, and its refused items are not published. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitIT extends RawTopicIT {

    @Override
    protected Map<String, String> moreProperties() {
        // A trickle, so that the test outpaces it: one item every 10 seconds, two at once.
        return Map.of("voc.ingest.rate-limit.items-per-second", "0.1", "voc.ingest.rate-limit.burst", "2");
    }

    @Test
    void aSourceOverItsRateIsToldWhenToRetryAndOthersAreNotSlowedDown() {
        String begin = postMarker();
        assertThat(post("noisy", "n-1").statusCode()).isEqualTo(202);
        assertThat(post("noisy", "n-2").statusCode()).isEqualTo(202);

        var refused = post("noisy", "n-3");

        assertProblem(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 10));
        assertThat(post("quiet", "q-1").statusCode()).isEqualTo(202);
        assertNothingPublishedSince(begin, "noisy:n-3");
    }

    private java.net.http.HttpResponse<String> post(String source, String externalId) {
        return HttpCalls.postJson(uri("/v1/feedback"), "{\"source\":\"" + source + "\",\"externalId\":\"" + externalId
                + "\",\"channel\":\"review\",\"text\":\"Hello.\"}");
    }
}
