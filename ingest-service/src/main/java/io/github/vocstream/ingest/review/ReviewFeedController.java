package io.github.vocstream.ingest.review;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.feedback.ApiKeys;
import io.github.vocstream.ingest.feedback.Client;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.IngestConfiguration;
import io.github.vocstream.ingest.feedback.Intake;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.List;

/** {@code POST /v1/reviews/{source}}: a generic review feed, with the generic API's key. */
@Controller("/v1/reviews/{source}")
public class ReviewFeedController {

    private final ReviewFeedMapper mapper;
    private final Intake intake;
    private final ApiKeys apiKeys;

    public ReviewFeedController(IngestConfiguration ingest, Intake intake, ApiKeys apiKeys) {
        this.mapper = new ReviewFeedMapper(ingest.maxItems());
        this.intake = intake;
        this.apiKeys = apiKeys;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@PathVariable String source,
                                                  @Nullable @Header(ApiKeys.HEADER) String apiKey,
                                                  @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                  @Body byte[] body) {
        Client client = apiKeys.requireClient(apiKey, authorization);
        FeedbackRules.checkSource(source).ifPresent(problem -> {
            throw ProblemException.badRequest("source", problem);
        });
        client.requireMayWrite("source", source);
        List<FeedbackEvent> events = mapper.toFeedbackEvents(source, JsonBody.read(body), Instant.now());
        return HttpResponse.accepted().body(intake.accept(client, events, List.of()));
    }
}
