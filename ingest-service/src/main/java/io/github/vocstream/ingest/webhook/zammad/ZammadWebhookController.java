package io.github.vocstream.ingest.webhook.zammad;

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

/**
 * {@code POST /v1/webhooks/zammad}: a signed Zammad trigger webhook; the signature is checked before parsing.
 * {@code X-Zammad-Delivery} names the delivery; the article id is what makes a redelivery count once.
 */
@Controller("/v1/webhooks/zammad")
public class ZammadWebhookController {

    private final HubSignature signature;
    private final ZammadArticleMapper mapper;
    private final FeedbackPublisher publisher;

    public ZammadWebhookController(ZammadWebhookConfiguration webhook, OpenWebhooks open, IngestConfiguration ingest,
                                   FeedbackPublisher publisher) {
        // Zammad signs no timestamp, so there is no window to check.
        this.signature = new HubSignature(WebhookSecrets.utf8(ZammadArticleMapper.SOURCE, "voc.webhooks.zammad.secrets",
                webhook.secrets(), Duration.ZERO, open.isOpen(ZammadArticleMapper.SOURCE)));
        this.mapper = new ZammadArticleMapper(PiiMasker.filter(ingest.maskPii()));
        this.publisher = publisher;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(HubSignature.HEADER) String signed, @Body byte[] body) {
        signature.verify(signed, body);
        return publisher.publishDelivery(mapper.toFeedbackEvent(JsonBody.read(body), Instant.now()));
    }
}
