package io.github.vocstream.aggregator.api;

import io.github.vocstream.http.problem.ProblemException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks the instance that holds a segment, once. The request carries {@link #FORWARDED_HEADER} so that the other
 * instance answers from its own store or says it is not ready, and never forwards again, and the caller's read key,
 * which the other instance checks as this one did.
 */
@Singleton
public class InstanceForwarder {

    public static final String FORWARDED_HEADER = "X-Voc-Forwarded";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Asks {@code host} for {@code pathAndQuery}, passing the caller's {@code credentials} (header name to value) along. */
    public HttpResponse<String> get(HostInfo host, String pathAndQuery, Map<String, String> credentials) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(FORWARDED_HEADER, "1").GET();
        credentials.forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ProblemException.unavailable("the instance holding this data (" + host.host() + ":" + host.port()
                    + ") does not answer", SegmentRouter.RETRY_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted while asking another instance", SegmentRouter.RETRY_AFTER);
        }
    }
}
