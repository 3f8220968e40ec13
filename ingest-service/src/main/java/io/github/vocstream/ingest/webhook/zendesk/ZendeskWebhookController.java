package io.github.vocstream.ingest.webhook.zendesk;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.feedback.Client;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.Intake;
import io.github.vocstream.ingest.webhook.OpenWebhooks;
import io.github.vocstream.ingest.webhook.WebhookSecrets;
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
import java.time.Instant;
import java.util.Optional;

/** {@code POST /v1/webhooks/zendesk}: a signed Zendesk event webhook; the signature is checked before parsing. */
// Let in by the platform's signature, secret or token, not by a client key.
@SecurityRequirements
@Controller("/v1/webhooks/zendesk")
public class ZendeskWebhookController {

    /** Whoever holds this source's secret speaks for this source and no other. */
    private static final Client SENDER = Client.signedFor(ZendeskTicketMapper.SOURCE);

    private final ZendeskSignature signature;
    private final ZendeskTicketMapper mapper;
    private final Intake intake;

    public ZendeskWebhookController(ZendeskWebhookConfiguration webhook, OpenWebhooks open, Intake intake) {
        this.signature = new ZendeskSignature(WebhookSecrets.utf8(ZendeskTicketMapper.SOURCE,
                "voc.webhooks.zendesk.secrets", webhook.secrets(), webhook.tolerance(), open.isOpen(ZendeskTicketMapper.SOURCE)));
        this.mapper = new ZendeskTicketMapper();
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(ZendeskSignature.TIMESTAMP_HEADER) String timestamp,
                                                  @Nullable @Header(ZendeskSignature.SIGNATURE_HEADER) String signed,
                                                  @Body byte[] body) {
        Instant now = Instant.now();
        signature.verify(timestamp, signed, body, now);
        Optional<FeedbackEvent> item = mapper.toFeedbackEvent(JsonBody.read(body), now);
        return HttpResponse.accepted().body(intake.acceptDelivery(SENDER, item));
    }
}
