package io.github.vocstream.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A relayed answer is the owner's answer, including when it asks the client to come back later; its failures are not. */
class SegmentRouterTest {

    private static final String PROBLEM = "{\"title\":\"Service Unavailable\",\"status\":503}";

    private HttpServer owner;

    @BeforeEach
    void startOwnerThatIsRebalancing() throws IOException {
        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owner.createContext("/", exchange -> {
            byte[] body = PROBLEM.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.getResponseHeaders().add("Retry-After", "2");
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        owner.createContext("/shutting-down", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        owner.start();
    }

    @AfterEach
    void stopOwner() {
        owner.stop(0);
    }

    @Test
    void aForwarded503KeepsItsRetryAfterAndItsProblem() {
        var answer = new InstanceForwarder().get(new HostInfo("127.0.0.1", owner.getAddress().getPort()), "/v1/segments/all/sentiment",
                Map.of());

        var relayed = SegmentRouter.relayed(answer);

        assertThat(relayed.getStatus().getCode()).isEqualTo(503);
        assertThat(relayed.getHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(relayed.getHeaders().get(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(relayed.body()).isEqualTo(PROBLEM);
    }

    @Test
    void anOwnerThatFailsToAnswerIsA503ToAskAgainNotIts500() {
        var answer = new InstanceForwarder().get(new HostInfo("127.0.0.1", owner.getAddress().getPort()), "/shutting-down", Map.of());

        assertThatThrownBy(() -> SegmentRouter.relayed(answer)).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status().getCode()).isEqualTo(503);
            assertThat(problem.retryAfter()).isPresent();
        });
    }
}
