package io.github.vocstream.ingest.webhook.zammad;

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
import java.util.Optional;

/**
 * {@code POST /v1/webhooks/zammad}: a signed Zammad trigger webhook; the signature is checked before parsing.
 * {@code X-Zammad-Delivery} names the delivery; the article id is what makes a redelivery count once.
 */
// Let in by the platform's signature, secret or token, not by a client key.
@SecurityRequirements
@Controller("/v1/webhooks/zammad")
public class ZammadWebhookController {

    /** Whoever holds this source's secret speaks for this source and no other. */
    private static final Client SENDER = Client.signedFor(ZammadArticleMapper.SOURCE);

    private final HubSignature signature;
    private final ZammadArticleMapper mapper;
    private final Intake intake;

    public ZammadWebhookController(ZammadWebhookConfiguration webhook, OpenWebhooks open, Intake intake) {
        // Zammad signs no timestamp, so there is no window to check.
        this.signature = new HubSignature(WebhookSecrets.utf8(ZammadArticleMapper.SOURCE, "voc.webhooks.zammad.secrets",
                webhook.secrets(), Duration.ZERO, open.isOpen(ZammadArticleMapper.SOURCE)));
        this.mapper = new ZammadArticleMapper();
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(HubSignature.HEADER) String signed, @Body byte[] body) {
        signature.verify(signed, body);
        Optional<FeedbackEvent> item = mapper.toFeedbackEvent(JsonBody.read(body), Instant.now());
        return HttpResponse.accepted().body(intake.acceptDelivery(SENDER, item));
    }
}
