package io.github.vocstream.ingest.social;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.feedback.ApiKeys;
import io.github.vocstream.ingest.feedback.Client;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.IngestConfiguration;
import io.github.vocstream.ingest.feedback.Intake;
import io.github.vocstream.ingest.feedback.Retraction;
import io.github.vocstream.http.problem.FieldError;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code POST /v1/social/{platform}}: posts a social-listening connector collected, as the platform writes them
 * (one, or an array), with the generic API's key. Every post is checked before any is published; what is not a
 * customer's own words (a boost, a like) is skipped, and the answer's ids say which posts were taken. A deletion
 * retracts the post it deletes; the answer's {@code retracted} names it.
 */
@Controller("/v1/social/{platform}")
public class SocialController {

    private final Map<String, SocialMapper> mappers;
    private final int maxItems;
    private final Intake intake;
    private final ApiKeys apiKeys;

    public SocialController(IngestConfiguration ingest, Intake intake, ApiKeys apiKeys) {
        this.mappers = Stream.of(new MastodonStatusMapper(), new BlueskyPostMapper(), new RedditCommentMapper())
                .collect(Collectors.toMap(SocialMapper::platform, Function.identity()));
        this.maxItems = ingest.maxItems();
        this.intake = intake;
        this.apiKeys = apiKeys;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@PathVariable String platform,
                                                  @Nullable @Header(ApiKeys.HEADER) String apiKey,
                                                  @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                  @Body byte[] body) {
        Client client = apiKeys.requireClient(apiKey, authorization);
        SocialMapper mapper = mappers.get(platform);
        if (mapper == null) {
            throw ProblemException.notFound("no social platform '" + platform + "'; known: " + mappers.keySet().stream().sorted().toList());
        }
        client.requireMayWrite("platform", platform);
        JsonNode root = JsonBody.read(body);
        List<JsonNode> posts = JsonBody.items(root, maxItems, "posts");
        Instant now = Instant.now();
        List<FieldError> errors = new ArrayList<>();
        List<FeedbackEvent> events = new ArrayList<>();
        List<Retraction> retractions = new ArrayList<>();
        JsonBody.eachObject(root, posts, errors, (post, prefix) -> {
            Optional<Retraction> retraction = mapper.toRetraction(post, prefix, errors);
            if (retraction.isPresent()) {
                retractions.add(retraction.get());
            } else {
                mapper.toFeedbackEvent(post, prefix, now, errors).ifPresent(events::add);
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return HttpResponse.accepted().body(intake.accept(client, events, retractions));
    }
}
