package io.github.vocstream.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.github.vocstream.ingest.feedback.ApiKeys;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The generic review feed on a real broker, behind the API key. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewFeedIT extends RawTopicIT {

    private static final String KEY = "k-reviews-55d1";

    @Override
    protected String clientKey() {
        return KEY;
    }

    @Test
    void aFeedIsPublishedReviewByReviewAndAnUnkeyedOneNotAtAll() throws IOException {
        String begin = postMarker();
        assertProblem(HttpCalls.postJson(uri("/v1/reviews/other"), fixture(), Map.of()), 401);

        var response = HttpCalls.postJson(uri("/v1/reviews/shop"), fixture(), Map.of(ApiKeys.HEADER, KEY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(HttpCalls.json(response).get("ids")).extracting(JsonNode::textValue).containsExactly("shop:R-1001", "shop:R-1002");
        assertThat(readUntil("shop:R-1002")).extracting(ConsumerRecord::key).contains("shop:R-1001");
        assertNothingPublishedSince(begin, "other:R-1001", "other:R-1002");
    }

    private static byte[] fixture() {
        return fixture("reviews/feed.json");
    }
}
