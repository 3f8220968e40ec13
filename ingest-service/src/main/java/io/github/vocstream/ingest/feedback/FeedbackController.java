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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Operation(summary = "Submit feedback in our own format",
            requestBody = @RequestBody(required = true, description = "One item, or an array of up to 500 (README: POST /v1/feedback)",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"), examples = @ExampleObject(name = "a ticket", value = """
                            {"source": "zendesk", "externalId": "ticket-4711", "channel": "ticket",
                             "text": "The refund still has not arrived.", "title": "Refund", "language": "en", "rating": 2,
                             "author": "customer-88", "occurredAt": "2026-11-29T10:15:00Z", "segments": {"plan": "pro"},
                             "tags": ["refund"]}"""))))
    @ApiResponse(responseCode = "202", description = "Kafka holds every item: their ids, in request order")
    @ApiResponse(responseCode = "400", description = "An item is invalid: every field at fault, nothing published")
    @ApiResponse(responseCode = "401", description = "No known client key")
    @ApiResponse(responseCode = "403", description = "The key's client may not write an item's source")
    @ApiResponse(responseCode = "413", description = "Over 1 MiB or 500 items")
    @ApiResponse(responseCode = "429", description = "Over the source's or client's rate; Retry-After says when")
    @ApiResponse(responseCode = "503", description = "Kafka did not take the request; nothing of it was published")
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
