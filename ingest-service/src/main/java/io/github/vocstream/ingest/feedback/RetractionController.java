package io.github.vocstream.ingest.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/feedback/retractions}: takes feedback back out of every count, timeline and evidence list, for an
 * erasure request or a deletion a connector saw. One {@code {"source", "externalId"}} or an array, with the generic
 * API's key; every item is checked before any is published, and the answer is 202 once Kafka holds them all.
 */
@Controller("/v1/feedback/retractions")
public class RetractionController {

    private final int maxItems;
    private final Intake intake;
    private final ApiKeys apiKeys;

    public RetractionController(IngestConfiguration configuration, Intake intake, ApiKeys apiKeys) {
        this.maxItems = configuration.maxItems();
        this.intake = intake;
        this.apiKeys = apiKeys;
    }

    @Operation(summary = "Take feedback back out of every count",
            requestBody = @RequestBody(required = true, description = "One retraction, or an array of up to 500",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"),
                            examples = @ExampleObject(name = "a deleted ticket", value = "{\"source\": \"zendesk\", \"externalId\": \"ticket-4711\"}"))))
    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> retract(@Nullable @Header(ApiKeys.HEADER) String apiKey,
                                                  @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                  @Body byte[] body) {
        Client client = apiKeys.requireClient(apiKey, authorization);
        JsonNode root = JsonBody.read(body);
        List<JsonNode> items = JsonBody.items(root, maxItems, "retractions");
        List<FieldError> errors = new ArrayList<>();
        List<Retraction> retractions = new ArrayList<>();
        JsonBody.eachObject(root, items, errors, (item, prefix) -> {
            String source = JsonBody.requiredText(item, "source", prefix, FeedbackRules::checkSource, errors);
            String externalId = JsonBody.requiredText(item, "externalId", prefix, FeedbackRules::checkExternalId, errors);
            if (source != null && externalId != null) {
                retractions.add(Retraction.of(source, externalId));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return HttpResponse.accepted().body(intake.accept(client, List.of(), retractions));
    }
}
