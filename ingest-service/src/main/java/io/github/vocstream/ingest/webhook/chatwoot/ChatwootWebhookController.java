package io.github.vocstream.ingest.webhook.chatwoot;

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

/** {@code POST /v1/webhooks/chatwoot}: a signed Chatwoot webhook; the signature is checked before parsing. */
// Let in by the platform's signature, secret or token, not by a client key.
@SecurityRequirements
@Controller("/v1/webhooks/chatwoot")
public class ChatwootWebhookController {

    /** Whoever holds this source's secret speaks for this source and no other. */
    private static final Client SENDER = Client.signedFor(ChatwootMessageMapper.SOURCE);

    private final ChatwootSignature signature;
    private final ChatwootMessageMapper mapper;
    private final Intake intake;

    public ChatwootWebhookController(ChatwootWebhookConfiguration webhook, OpenWebhooks open, Intake intake) {
        this.signature = new ChatwootSignature(WebhookSecrets.utf8(ChatwootMessageMapper.SOURCE, "voc.webhooks.chatwoot.secrets",
                webhook.secrets(), webhook.tolerance(), open.isOpen(ChatwootMessageMapper.SOURCE)));
        this.mapper = new ChatwootMessageMapper();
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(ChatwootSignature.TIMESTAMP_HEADER) String timestamp,
                                                  @Nullable @Header(ChatwootSignature.SIGNATURE_HEADER) String signed,
                                                  @Body byte[] body) {
        Instant now = Instant.now();
        signature.verify(timestamp, signed, body, now);
        Optional<FeedbackEvent> item = mapper.toFeedbackEvent(JsonBody.read(body), now);
        return HttpResponse.accepted().body(intake.acceptDelivery(SENDER, item));
    }
}
