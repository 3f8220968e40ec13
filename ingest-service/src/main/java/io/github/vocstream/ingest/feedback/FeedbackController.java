package io.github.vocstream.ingest.feedback;

import io.github.vocstream.common.event.FeedbackEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.List;

/** {@code POST /v1/feedback}: one item or an array of items from a client with an API key; 202 once Kafka holds them all. */
@Controller("/v1/feedback")
public class FeedbackController {

    private final FeedbackRequestParser parser;
    private final Intake intake;
    private final ApiKeys apiKeys;

    public FeedbackController(IngestConfiguration configuration, Intake intake, ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
        this.parser = new FeedbackRequestParser(configuration.maxItems());
        this.intake = intake;
    }

    // Waiting for Kafka's acknowledgement blocks, so it must not happen on the event loop.
    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> submit(@Nullable @Header(ApiKeys.HEADER) String apiKey,
                                                 @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                 @Body byte[] body) {
        Client client = apiKeys.requireClient(apiKey, authorization);
        List<FeedbackEvent> events = parser.parse(body, Instant.now());
        return HttpResponse.accepted().body(intake.accept(client, events, List.of()));
    }
}
