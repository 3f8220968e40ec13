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

/** The generic API with keys configured: a client's key lets its items in, anything else is a 401 that publishes nothing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyIT extends RawTopicIT {

    private static final String SHOP_KEY = "k-shop-7f3a9c";
    private static final String APP_KEY = "k-app-2b8e41";

    @Override
    protected String clientKey() {
        return SHOP_KEY;
    }

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.ingest.api-keys.app", APP_KEY);
    }

    @Test
    void eachClientsKeyLetsItsItemsIn() {
        assertThat(post("key-1", Map.of(ApiKeys.HEADER, SHOP_KEY)).statusCode()).isEqualTo(202);
        assertThat(post("key-2", Map.of("Authorization", "Bearer " + APP_KEY)).statusCode()).isEqualTo(202);
    }

    @Test
    void withoutAKnownKeyNothingIsPublished() {
        String begin = postMarker();

        assertProblem(post("nokey-1", Map.of()), 401);
        assertProblem(post("nokey-2", Map.of(ApiKeys.HEADER, SHOP_KEY + "x")), 401);
        assertProblem(post("nokey-3", Map.of("Authorization", "Basic " + SHOP_KEY)), 401);
        assertThat(post("nokey-4", Map.of()).body()).contains("X-Api-Key").doesNotContain(SHOP_KEY);

        assertNothingPublishedSince(begin, "generic:nokey-1", "generic:nokey-2", "generic:nokey-3", "generic:nokey-4");
    }

    private HttpResponse<String> post(String externalId, Map<String, String> headers) {
        return HttpCalls.postJson(uri("/v1/feedback"), ("{\"source\":\"generic\",\"externalId\":\"" + externalId
                + "\",\"channel\":\"review\",\"text\":\"Hello.\"}").getBytes(StandardCharsets.UTF_8), headers);
    }
}
