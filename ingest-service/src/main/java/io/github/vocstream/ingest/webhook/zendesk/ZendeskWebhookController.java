package io.github.vocstream.ingest.webhook.zendesk;

import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.FeedbackPublisher;
import io.github.vocstream.ingest.feedback.IngestConfiguration;
import io.github.vocstream.ingest.feedback.PiiMasker;
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
import java.time.Instant;

/** {@code POST /v1/webhooks/zendesk}: a signed Zendesk event webhook; the signature is checked before parsing. */
@Controller("/v1/webhooks/zendesk")
public class ZendeskWebhookController {

    private final ZendeskSignature signature;
    private final ZendeskTicketMapper mapper;
    private final FeedbackPublisher publisher;

    public ZendeskWebhookController(ZendeskWebhookConfiguration webhook, OpenWebhooks open, IngestConfiguration ingest,
                                    FeedbackPublisher publisher) {
        this.signature = new ZendeskSignature(WebhookSecrets.utf8(ZendeskTicketMapper.SOURCE,
                "voc.webhooks.zendesk.secrets", webhook.secrets(), webhook.tolerance(), open.isOpen(ZendeskTicketMapper.SOURCE)));
        this.mapper = new ZendeskTicketMapper(PiiMasker.filter(ingest.maskPii()));
        this.publisher = publisher;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(ZendeskSignature.TIMESTAMP_HEADER) String timestamp,
                                                  @Nullable @Header(ZendeskSignature.SIGNATURE_HEADER) String signed,
                                                  @Body byte[] body) {
        Instant now = Instant.now();
        signature.verify(timestamp, signed, body, now);
        return publisher.publishDelivery(mapper.toFeedbackEvent(JsonBody.read(body), now));
    }
}
