package io.github.vocstream.ingest.webhook.intercom;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.feedback.Client;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.Intake;
import io.github.vocstream.ingest.webhook.HubSignature;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/webhooks/intercom}: a signed Intercom notification. The signature is checked before parsing;
 * Intercom's {@code ping} (sent when a webhook is set up) gets a 200, other topics without a customer message 202.
 */
// Let in by the platform's signature, secret or token, not by a client key.
@SecurityRequirements
@Controller("/v1/webhooks/intercom")
public class IntercomWebhookController {

    /** Whoever holds this source's secret speaks for this source and no other. */
    private static final Client SENDER = Client.signedFor(IntercomConversationMapper.SOURCE);

    private final HubSignature signature;
    private final IntercomConversationMapper mapper;
    private final Intake intake;

    public IntercomWebhookController(IntercomWebhookConfiguration webhook, OpenWebhooks open, Intake intake) {
        // Intercom signs no timestamp, so there is no window to check.
        this.signature = new HubSignature(WebhookSecrets.utf8(IntercomConversationMapper.SOURCE, "voc.webhooks.intercom.secrets",
                webhook.secrets(), Duration.ZERO, open.isOpen(IntercomConversationMapper.SOURCE)));
        this.mapper = new IntercomConversationMapper();
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(HubSignature.HEADER) String signed, @Body byte[] body) {
        signature.verify(signed, body);
        JsonNode notification = JsonBody.read(body);
        if (IntercomConversationMapper.PING.equals(mapper.topicOf(notification))) {
            return HttpResponse.ok(new FeedbackAccepted(0, List.of()));
        }
        Optional<FeedbackEvent> item = mapper.toFeedbackEvent(notification, Instant.now());
        return HttpResponse.accepted().body(intake.acceptDelivery(SENDER, item));
    }
}
