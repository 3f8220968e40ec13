package io.github.vocstream.ingest.webhook.chatwoot;

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

/** {@code POST /v1/webhooks/chatwoot}: a signed Chatwoot webhook; the signature is checked before parsing. */
@Controller("/v1/webhooks/chatwoot")
public class ChatwootWebhookController {

    private final ChatwootSignature signature;
    private final ChatwootMessageMapper mapper;
    private final FeedbackPublisher publisher;

    public ChatwootWebhookController(ChatwootWebhookConfiguration webhook, OpenWebhooks open, IngestConfiguration ingest,
                                     FeedbackPublisher publisher) {
        this.signature = new ChatwootSignature(WebhookSecrets.utf8(ChatwootMessageMapper.SOURCE, "voc.webhooks.chatwoot.secrets",
                webhook.secrets(), webhook.tolerance(), open.isOpen(ChatwootMessageMapper.SOURCE)));
        this.mapper = new ChatwootMessageMapper(PiiMasker.filter(ingest.maskPii()));
        this.publisher = publisher;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(ChatwootSignature.TIMESTAMP_HEADER) String timestamp,
                                                  @Nullable @Header(ChatwootSignature.SIGNATURE_HEADER) String signed,
                                                  @Body byte[] body) {
        Instant now = Instant.now();
        signature.verify(timestamp, signed, body, now);
        return publisher.publishDelivery(mapper.toFeedbackEvent(JsonBody.read(body), now));
    }
}
