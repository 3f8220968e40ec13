package io.github.vocstream.ingest.webhook.intercom;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.FeedbackPublisher;
import io.github.vocstream.ingest.feedback.IngestConfiguration;
import io.github.vocstream.ingest.feedback.PiiMasker;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /v1/webhooks/intercom}: a signed Intercom notification. The signature is checked before parsing;
 * Intercom's {@code ping} (sent when a webhook is set up) gets a 200, other topics without a customer message 202.
 */
@Controller("/v1/webhooks/intercom")
public class IntercomWebhookController {

    private final HubSignature signature;
    private final IntercomConversationMapper mapper;
    private final FeedbackPublisher publisher;

    public IntercomWebhookController(IntercomWebhookConfiguration webhook, OpenWebhooks open, IngestConfiguration ingest,
                                     FeedbackPublisher publisher) {
        // Intercom signs no timestamp, so there is no window to check.
        this.signature = new HubSignature(WebhookSecrets.utf8(IntercomConversationMapper.SOURCE, "voc.webhooks.intercom.secrets",
                webhook.secrets(), Duration.ZERO, open.isOpen(IntercomConversationMapper.SOURCE)));
        this.mapper = new IntercomConversationMapper(PiiMasker.filter(ingest.maskPii()));
        this.publisher = publisher;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(HubSignature.HEADER) String signed, @Body byte[] body) {
        signature.verify(signed, body);
        JsonNode notification = JsonBody.read(body);
        if (IntercomConversationMapper.PING.equals(mapper.topicOf(notification))) {
            return HttpResponse.ok(new FeedbackAccepted(0, List.of()));
        }
        return publisher.publishDelivery(mapper.toFeedbackEvent(notification, Instant.now()));
    }
}
