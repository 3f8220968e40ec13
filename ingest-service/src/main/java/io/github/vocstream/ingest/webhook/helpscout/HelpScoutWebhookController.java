package io.github.vocstream.ingest.webhook.helpscout;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.feedback.Client;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.Intake;
import io.github.vocstream.ingest.webhook.OpenWebhooks;
import io.github.vocstream.ingest.webhook.WebhookSecrets;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code POST /v1/webhooks/helpscout}: a signed Help Scout webhook; the signature is checked before parsing. */
// Let in by the platform's signature, secret or token, not by a client key.
@SecurityRequirements
@Controller("/v1/webhooks/helpscout")
public class HelpScoutWebhookController {

    /** Whoever holds this source's secret speaks for this source and no other. */
    private static final Client SENDER = Client.signedFor(HelpScoutConversationMapper.SOURCE);

    static final String EVENT_HEADER = "X-HelpScout-Event";

    private final HelpScoutSignature signature;
    private final HelpScoutConversationMapper mapper;
    private final Intake intake;

    public HelpScoutWebhookController(HelpScoutWebhookConfiguration webhook, OpenWebhooks open, Intake intake) {
        // Help Scout signs no timestamp, so there is no window to check.
        this.signature = new HelpScoutSignature(WebhookSecrets.utf8(HelpScoutConversationMapper.SOURCE,
                "voc.webhooks.helpscout.secrets", webhook.secrets(), Duration.ZERO, open.isOpen(HelpScoutConversationMapper.SOURCE)));
        this.mapper = new HelpScoutConversationMapper();
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(HelpScoutSignature.HEADER) String signed,
                                                  @Nullable @Header(EVENT_HEADER) String event, @Body byte[] body) {
        signature.verify(signed, body);
        if (event == null || event.isBlank()) {
            throw ProblemException.badRequest(EVENT_HEADER, "is required, e.g. 'convo.created'");
        }
        Optional<FeedbackEvent> item = mapper.toFeedbackEvent(event.strip(), JsonBody.read(body), Instant.now());
        return HttpResponse.accepted().body(intake.acceptDelivery(SENDER, item));
    }
}
