package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A client that may write every source still has a rate of its own, so it cannot crowd out other clients. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRateLimitIT extends RawTopicIT {

    private static final String KEY = "k-busy-4a90e3";

    @Override
    protected String clientKey() {
        return KEY;
    }

    @Override
    protected Map<String, String> moreProperties() {
        // One item every 10 seconds, three at once: per source and per client. (No markers here: they would count.)
        return Map.of("voc.ingest.rate-limit.items-per-second", "0.1", "voc.ingest.rate-limit.burst", "3");
    }

    @Test
    void aClientOverItsOwnRateIsRefusedThoughEachSourceIsUnderIts() {
        // Four sources with one item each: every source stays within its burst of three, the client does not.
        assertThat(post("source-a").statusCode()).isEqualTo(202);
        assertThat(post("source-b").statusCode()).isEqualTo(202);
        assertThat(post("source-c").statusCode()).isEqualTo(202);

        var refused = post("source-d");

        assertProblem(refused, 429);
        assertThat(refused.body()).contains("client 'test-client'").doesNotContain("source-d,");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> post(String source) {
        return HttpCalls.postJson(uri("/v1/feedback"), ("{\"source\":\"" + source + "\",\"externalId\":\"x-1\",\"channel\":\"review\","
                + "\"text\":\"Hello.\"}").getBytes(StandardCharsets.UTF_8), Map.of(ApiKeys.HEADER, KEY));
    }
}
