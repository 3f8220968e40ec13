package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.test.HttpCalls;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With no broker to take the write, the answer is 503 with Retry-After, never 202. */
@MicronautTest
@Property(name = "kafka.bootstrap.servers", value = "localhost:1")
@Property(name = "kafka.producers.feedback-publisher.max.block.ms", value = "1000")
@Property(name = "voc.ingest.publish-timeout", value = "2s")
@Property(name = "voc.ingest.open", value = "true")
@Property(name = "kafka.health.enabled", value = "false")
class FeedbackWithoutKafkaIT {

    @Inject
    EmbeddedServer server;

    @Test
    void anUnreachableBrokerGives503AndClaimsNothing() {
        var response = HttpCalls.postJson(server.getURI().resolve("/v1/feedback"),
                "{\"source\":\"generic\",\"externalId\":\"x\",\"channel\":\"review\",\"text\":\"Hello\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(HttpCalls.json(response).get("detail").textValue()).contains("retry the same request");
    }
}
