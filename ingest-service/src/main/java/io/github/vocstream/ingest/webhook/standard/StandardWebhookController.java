package io.github.vocstream.ingest.webhook.standard;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.ingest.feedback.Client;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.FeedbackRequestParser;
import io.github.vocstream.ingest.feedback.IngestConfiguration;
import io.github.vocstream.ingest.feedback.Intake;
import io.github.vocstream.ingest.webhook.OpenWebhooks;
import io.github.vocstream.ingest.webhook.WebhookSecrets;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/webhooks/standard/{source}}: feedback in the body format of {@code POST /v1/feedback}, from a
 * sender that signs by the Standard Webhooks specification with the source's secret. Every item must name that
 * source. The items carry their own ids, so a redelivery (same {@code webhook-id}) counts once downstream.
 */
// Let in by the platform's signature, secret or token, not by a client key.
@SecurityRequirements
@Controller("/v1/webhooks/standard/{source}")
@Context
public class StandardWebhookController {

    private final StandardWebhookConfiguration webhook;
    private final OpenWebhooks open;
    private final Map<String, StandardWebhookSignature> signatures;
    private final FeedbackRequestParser parser;
    private final Intake intake;

    /** Built at start-up ({@link Context}), so that a secret that is not {@code whsec_} base64 stops the start. */
    public StandardWebhookController(StandardWebhookConfiguration webhook, OpenWebhooks open, IngestConfiguration ingest,
                                     Intake intake) {
        this.webhook = webhook;
        this.open = open;
        Map<String, StandardWebhookSignature> configured = new HashMap<>();
        if (webhook.secrets() != null) {
            webhook.secrets().keySet().forEach(source -> configured.put(source, signatureOf(source)));
        }
        this.signatures = Map.copyOf(configured);
        this.parser = new FeedbackRequestParser(ingest.maxItems());
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@PathVariable String source,
                                                  @Nullable @Header(StandardWebhookSignature.ID_HEADER) String id,
                                                  @Nullable @Header(StandardWebhookSignature.TIMESTAMP_HEADER) String timestamp,
                                                  @Nullable @Header(StandardWebhookSignature.SIGNATURE_HEADER) String signature,
                                                  @Body byte[] body) {
        Instant now = Instant.now();
        // A source nobody configured gets a signature without secrets, which refuses every delivery unless it is open;
        // so the signature is checked first, and nothing about the request is judged for a caller without one.
        StandardWebhookSignature verifier = signatures.get(source);
        (verifier == null ? signatureOf(source) : verifier).verify(id, timestamp, signature, body, now);
        FeedbackRules.checkSource(source).ifPresent(problem -> {
            throw ProblemException.badRequest("source", problem);
        });
        // One source's secret cannot speak for another.
        List<FeedbackEvent> events = parser.parse(body, now, itemSource -> itemSource.equals(source) ? Optional.empty()
                : Optional.of("must be '" + source + "', the source this endpoint is signed for"));
        return HttpResponse.accepted().body(intake.accept(Client.signedFor(source), events, List.of()));
    }

    private StandardWebhookSignature signatureOf(String source) {
        return new StandardWebhookSignature(WebhookSecrets.standardWebhooks(source, "voc.webhooks.standard.secrets." + source,
                webhook.secretsOf(source), webhook.tolerance(), open.isOpen(OpenWebhooks.standard(source))));
    }
}
