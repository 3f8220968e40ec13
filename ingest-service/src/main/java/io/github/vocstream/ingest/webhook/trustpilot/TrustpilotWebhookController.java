package io.github.vocstream.ingest.webhook.trustpilot;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.feedback.Client;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.IngestConfiguration;
import io.github.vocstream.ingest.feedback.Intake;
import io.github.vocstream.ingest.webhook.OpenWebhooks;
import io.github.vocstream.ingest.webhook.SharedSecrets;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.time.Instant;
import java.util.List;

/** {@code POST /v1/webhooks/trustpilot/{token}}: Trustpilot's review webhook, let in by a secret URL token. */
// Let in by the platform's signature, secret or token, not by a client key.
@SecurityRequirements
@Controller("/v1/webhooks/trustpilot/{token}")
public class TrustpilotWebhookController {

    /** Whoever holds this source's secret speaks for this source and no other. */
    private static final Client SENDER = Client.signedFor(TrustpilotReviewMapper.SOURCE);

    private final SharedSecrets tokens;
    private final boolean open;
    private final TrustpilotReviewMapper mapper;
    private final Intake intake;

    public TrustpilotWebhookController(TrustpilotWebhookConfiguration webhook, OpenWebhooks open, IngestConfiguration ingest,
                                       Intake intake) {
        this.tokens = SharedSecrets.of(webhook.tokens());
        this.open = open.isOpen(TrustpilotReviewMapper.SOURCE);
        this.mapper = new TrustpilotReviewMapper(ingest.maxItems());
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@PathVariable String token, @Body byte[] body) {
        requireToken(token);
        List<FeedbackEvent> reviews = mapper.toFeedbackEvents(JsonBody.read(body), Instant.now());
        return HttpResponse.accepted().body(intake.accept(SENDER, reviews, List.of()));
    }

    private void requireToken(String token) {
        if (tokens.isEmpty()) {
            if (open) {
                return;
            }
            throw ProblemException.unauthorized("no token is configured for trustpilot webhooks, so none are accepted; "
                    + "set voc.webhooks.trustpilot.tokens");
        }
        if (!tokens.contains(token)) {
            throw ProblemException.unauthorized("the token in the trustpilot webhook URL is not a configured one");
        }
    }
}
