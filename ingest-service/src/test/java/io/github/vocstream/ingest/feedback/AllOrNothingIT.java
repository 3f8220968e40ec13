package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A request that Kafka takes only in part is published not at all: each request is one transaction, and readers of
 * committed records (as the sentiment service is) never see the part that got through.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllOrNothingIT extends RawTopicIT {

    @Override
    protected Map<String, String> moreProperties() {
        // The producer refuses a record over 3,000 bytes: the middle item of the request below fails, the others not.
        return Map.of("kafka.producers.feedback-publisher.max.request.size", "3000");
    }

    @Test
    void aRequestKafkaTakesOnlyInPartIsNotPublishedAtAll() {
        String begin = postMarker();
        String tooLong = "The parcel never came and nobody called back. ".repeat(100);

        var refused = HttpCalls.postJson(uri("/v1/feedback"), "[" + item("whole-1", "Fine.") + "," + item("whole-2", tooLong)
                + "," + item("whole-3", "Also fine.") + "]");

        assertProblem(refused, 503);
        assertThat(refused.body()).contains("nothing of it was published");
        assertNothingPublishedSince(begin, "generic:whole-1", "generic:whole-2", "generic:whole-3");
        // The producer that failed is usable again.
        assertThat(HttpCalls.postJson(uri("/v1/feedback"), item("whole-4", "Fine again.")).statusCode()).isEqualTo(202);
    }

    private static String item(String externalId, String text) {
        return "{\"source\":\"generic\",\"externalId\":\"" + externalId + "\",\"channel\":\"ticket\",\"text\":\"" + text + "\"}";
    }
}
