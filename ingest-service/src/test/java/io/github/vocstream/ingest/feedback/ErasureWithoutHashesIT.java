package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.test.HttpCalls;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Authors kept in clear: an erasure would have to carry the reference in clear, so there is none (409). */
@MicronautTest
@Property(name = "kafka.bootstrap.servers", value = "localhost:1")
@Property(name = "voc.ingest.author", value = "keep")
@Property(name = "voc.ingest.open", value = "true")
@Property(name = "kafka.health.enabled", value = "false")
class ErasureWithoutHashesIT {

    @Inject
    EmbeddedServer server;

    @Test
    void anErasureNeedsHashedAuthors() {
        var response = HttpCalls.postJson(server.getURI().resolve("/v1/erasures"), "{\"source\":\"zendesk\",\"author\":\"jane@example.com\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(HttpCalls.json(response).get("detail").textValue()).contains("voc.ingest.author=hash");
    }
}
