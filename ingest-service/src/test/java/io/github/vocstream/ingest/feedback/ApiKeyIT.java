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

/**
 * The keyed endpoints with keys configured: a client's key lets its items in, anything else is a 401 that publishes
 * nothing; a client writes and retracts only the sources it was given, else a 403 that publishes nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyIT extends RawTopicIT {

    private static final String SHOP_KEY = "k-shop-7f3a9c";
    private static final String APP_KEY = "k-app-2b8e41";
    private static final String CRM_KEY = "k-crm-5d1c07";

    @Override
    protected String clientKey() {
        return SHOP_KEY;
    }

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("voc.ingest.api-keys.app", APP_KEY, "voc.ingest.client-sources.app", "generic, acme",
                "voc.ingest.api-keys.crm", CRM_KEY);
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

    @Test
    void aClientWritesAndRetractsOnlyTheSourcesItWasGiven() {
        String begin = postMarker();
        Map<String, String> app = Map.of(ApiKeys.HEADER, APP_KEY);

        var feedback = HttpCalls.postJson(uri("/v1/feedback"), ("[{\"source\":\"acme\",\"externalId\":\"r-1\",\"channel\":\"review\","
                + "\"text\":\"Fine.\"},{\"source\":\"zendesk\",\"externalId\":\"ticket-1\",\"channel\":\"ticket\",\"text\":\"Hi.\"}]")
                .getBytes(StandardCharsets.UTF_8), app);
        var retraction = HttpCalls.postJson(uri("/v1/feedback/retractions"),
                "{\"source\":\"zendesk\",\"externalId\":\"ticket-9\"}".getBytes(StandardCharsets.UTF_8), app);
        var social = HttpCalls.postJson(uri("/v1/social/reddit"),
                "{\"name\":\"t1_rights1\",\"body\":\"Meh.\"}".getBytes(StandardCharsets.UTF_8), app);
        var review = HttpCalls.postJson(uri("/v1/reviews/shop"),
                "{\"id\":\"R-1\",\"rating\":1,\"body\":\"Broke.\"}".getBytes(StandardCharsets.UTF_8), app);

        assertProblem(feedback, 403);
        assertThat(feedback.body()).contains("[1].source", "'zendesk'").doesNotContain("[0].source");
        assertProblem(retraction, 403);
        assertThat(retraction.body()).contains("[0].source");
        assertProblem(social, 403);
        assertThat(social.body()).contains("\"platform\"");
        assertProblem(review, 403);
        assertNothingPublishedSince(begin, "acme:r-1", "zendesk:ticket-1", "zendesk:ticket-9", "reddit:t1_rights1", "shop:R-1");
    }

    @Test
    void aClientWithoutConfiguredSourcesWritesOnlyTheSourceOfItsOwnName() {
        String begin = postMarker();
        Map<String, String> crm = Map.of(ApiKeys.HEADER, CRM_KEY);

        assertProblem(post("crm-1", crm), 403);
        var own = HttpCalls.postJson(uri("/v1/feedback"), "{\"source\":\"crm\",\"externalId\":\"crm-2\",\"channel\":\"survey\",\"text\":\"Ok.\"}"
                .getBytes(StandardCharsets.UTF_8), crm);

        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
        assertNothingPublishedSince(begin, "generic:crm-1");
    }

    private HttpResponse<String> post(String externalId, Map<String, String> headers) {
        return HttpCalls.postJson(uri("/v1/feedback"), ("{\"source\":\"generic\",\"externalId\":\"" + externalId
                + "\",\"channel\":\"review\",\"text\":\"Hello.\"}").getBytes(StandardCharsets.UTF_8), headers);
    }
}
