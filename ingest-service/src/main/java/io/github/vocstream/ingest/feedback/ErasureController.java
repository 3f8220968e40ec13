package io.github.vocstream.ingest.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.Erasure;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/erasures}: erases a customer, every item they wrote, by the author reference each platform sends
 * ({@code {"source": "zendesk", "author": "jane@example.com"}}, one or an array). The references are hashed here as
 * items' authors are (with the current key and every previous one), so the erasure, which the aggregator applies and
 * keeps as its audit, never holds them in clear. The client must be allowed to write each source it names.
 */
@Controller("/v1/erasures")
public class ErasureController {

    static final int MAX_REFERENCES = 100;

    private final AuthorPseudonyms authors;
    private final FeedbackPublisher publisher;
    private final ApiKeys apiKeys;
    private final SecureRandom random = new SecureRandom();

    public ErasureController(AuthorPseudonyms authors, FeedbackPublisher publisher, ApiKeys apiKeys) {
        this.authors = authors;
        this.publisher = publisher;
        this.apiKeys = apiKeys;
    }

    @Operation(summary = "Erase a customer: every item they wrote leaves every table, and its text the topics",
            requestBody = @RequestBody(required = true, description = "One author reference, or an array of up to 100",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"),
                            examples = @ExampleObject(name = "a customer of two platforms", value = "[{\"source\": \"zendesk\", "
                                    + "\"author\": \"jane@example.com\"}, {\"source\": \"trustpilot\", \"author\": \"5f9c1a\"}]"))))
    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<ErasureAccepted> erase(@Nullable @Header(ApiKeys.HEADER) String apiKey,
                                               @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                               @Body byte[] body) {
        Client client = apiKeys.requireClient(apiKey, authorization);
        if (!authors.hashes()) {
            throw new ProblemException(HttpStatus.CONFLICT, "erasure by customer needs hashed authors (voc.ingest.author=hash): "
                    + "with 'keep' the erasure would hold the reference in clear, with 'drop' items carry none to find them by",
                    List.of(), null);
        }
        JsonNode root = JsonBody.read(body);
        List<JsonNode> items = JsonBody.items(root, MAX_REFERENCES, "author references");
        List<FieldError> errors = new ArrayList<>();
        List<String[]> references = new ArrayList<>();
        JsonBody.eachObject(root, items, errors, (item, prefix) -> references.add(new String[] {
                JsonBody.requiredText(item, "source", prefix, FeedbackRules::checkSource, errors),
                JsonBody.requiredText(item, "author", prefix, ErasureController::checkAuthor, errors)}));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        client.requireMayWriteEach(references.stream().map(reference -> reference[0]).toList());
        Set<String> hashes = new LinkedHashSet<>();
        references.forEach(reference -> hashes.addAll(authors.hashesOf(reference[0], reference[1])));
        byte[] id = new byte[12];
        random.nextBytes(id);
        Erasure erasure = new Erasure(Erasure.SCHEMA_VERSION, "e-" + HexFormat.of().formatHex(id), Instant.now(), client.name(),
                references.size(), List.copyOf(hashes));
        publisher.publishErasure(erasure);
        return HttpResponse.accepted().body(new ErasureAccepted(erasure.id(), erasure.references(), "/v1/erasures/" + erasure.id()));
    }

    private static Optional<String> checkAuthor(String author) {
        return author.isBlank() ? Optional.of("must not be blank") : FeedbackRules.checkAuthor(author);
    }
}
