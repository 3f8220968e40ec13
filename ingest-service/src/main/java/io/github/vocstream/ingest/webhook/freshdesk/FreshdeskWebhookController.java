package io.github.vocstream.ingest.webhook.freshdesk;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.feedback.Client;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.Intake;
import io.github.vocstream.ingest.webhook.OpenWebhooks;
import io.github.vocstream.ingest.webhook.SharedSecrets;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code POST /v1/webhooks/freshdesk}: a Freshdesk automation webhook, let in by a shared secret header or Basic
 * credentials, read through configured JSON pointers. Built at start-up, so that a broken pointer stops the start.
 */
// Let in by the platform's signature, secret or token, not by a client key.
@SecurityRequirements
@Controller("/v1/webhooks/freshdesk")
@Context
public class FreshdeskWebhookController {

    /** Whoever holds this source's secret speaks for this source and no other. */
    private static final Client SENDER = Client.signedFor(FreshdeskTicketMapper.SOURCE);

    static final String SECRET_HEADER = "X-Webhook-Secret";
    private static final String BASIC = "Basic ";

    private final SharedSecrets secrets;
    private final SharedSecrets credentials;
    private final boolean open;
    private final FreshdeskTicketMapper mapper;
    private final Intake intake;

    public FreshdeskWebhookController(FreshdeskWebhookConfiguration webhook, OpenWebhooks open, Intake intake) {
        this.secrets = SharedSecrets.of(webhook.secrets());
        this.credentials = SharedSecrets.of(webhook.basic());
        this.open = open.isOpen(FreshdeskTicketMapper.SOURCE);
        this.mapper = new FreshdeskTicketMapper(webhook);
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(SECRET_HEADER) String secret,
                                                  @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                  @Body byte[] body) {
        requireAuthorized(secret, authorization);
        Optional<FeedbackEvent> item = Optional.of(mapper.toFeedbackEvent(JsonBody.read(body), Instant.now()));
        return HttpResponse.accepted().body(intake.acceptDelivery(SENDER, item));
    }

    private void requireAuthorized(String secret, String authorization) {
        if (secrets.isEmpty() && credentials.isEmpty()) {
            if (open) {
                return;
            }
            throw ProblemException.unauthorized("no secret or Basic credentials are configured for freshdesk webhooks, so none "
                    + "are accepted; set voc.webhooks.freshdesk.secrets or voc.webhooks.freshdesk.basic");
        }
        if (secret != null && secrets.contains(secret.strip())) {
            return;
        }
        if (authorization != null && authorization.startsWith(BASIC)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ProblemException.unauthorized("the Basic credentials are not base64");
            }
            if (credentials.contains(decoded)) {
                return;
            }
        }
        throw ProblemException.unauthorized("send the configured " + SECRET_HEADER + " or Basic credentials");
    }
}
