package io.github.vocstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.common.test.PrometheusScrape;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What ingest tells a Prometheus scraper: requests, items published, its Kafka producers, the JVM. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT extends RawTopicIT {

    @Test
    void publishedItemsRequestsAndTheProducersShowAtPrometheus() {
        postMarker();
        postMarker();
        assertThat(HttpCalls.postJson(uri("/v1/feedback/retractions"), "{\"source\":\"generic\",\"externalId\":\"gone\"}")
                .statusCode()).isEqualTo(202);

        PrometheusScrape scrape = PrometheusScrape.of(server.getURI());

        assertThat(scrape.sum("voc_ingest_published_total", Map.of("kind", "feedback", "service", "ingest"))).isEqualTo(2);
        assertThat(scrape.sum("voc_ingest_published_total", Map.of("kind", "retraction"))).isEqualTo(1);
        assertThat(scrape.sum("http_server_requests_seconds_count", Map.of("uri", "/v1/feedback", "status", "202"))).isEqualTo(2);
        assertThat(scrape.hasMetricStartingWith("kafka_producer_")).as(scrape.names().toString()).isTrue();
        assertThat(scrape.hasMetricStartingWith("jvm_memory_used_bytes")).isTrue();
    }
}
