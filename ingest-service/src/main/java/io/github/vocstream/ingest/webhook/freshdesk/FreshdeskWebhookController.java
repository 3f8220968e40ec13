package io.github.vocstream.ingest.webhook.freshdesk;

import io.github.vocstream.ingest.JsonBody;
import io.github.vocstream.ingest.feedback.FeedbackAccepted;
import io.github.vocstream.ingest.feedback.FeedbackPublisher;
import io.github.vocstream.ingest.feedback.IngestConfiguration;
import io.github.vocstream.ingest.feedback.PiiMasker;
import io.github.vocstream.support.problem.ProblemException;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/webhooks/freshdesk}: a Freshdesk automation webhook, let in by a shared secret header or Basic
 * credentials, read through configured JSON pointers. Built at start-up, so that a broken pointer stops the start.
 */
@Controller("/v1/webhooks/freshdesk")
@Context
public class FreshdeskWebhookController {

    static final String SECRET_HEADER = "X-Webhook-Secret";
    private static final String BASIC = "Basic ";

    private final List<byte[]> secrets;
    private final List<byte[]> credentials;
    private final FreshdeskTicketMapper mapper;
    private final FeedbackPublisher publisher;

    public FreshdeskWebhookController(FreshdeskWebhookConfiguration webhook, IngestConfiguration ingest, FeedbackPublisher publisher) {
        this.secrets = bytes(webhook.secrets());
        this.credentials = bytes(webhook.basic());
        this.mapper = new FreshdeskTicketMapper(webhook, PiiMasker.filter(ingest.maskPii()));
        this.publisher = publisher;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<FeedbackAccepted> receive(@Nullable @Header(SECRET_HEADER) String secret,
                                                  @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                  @Body byte[] body) {
        requireAuthorized(secret, authorization);
        return publisher.publishDelivery(Optional.of(mapper.toFeedbackEvent(JsonBody.read(body), Instant.now())));
    }

    private void requireAuthorized(String secret, String authorization) {
        if (secrets.isEmpty() && credentials.isEmpty()) {
            throw ProblemException.unauthorized("no secret or Basic credentials are configured for freshdesk webhooks, so none "
                    + "are accepted; set voc.webhooks.freshdesk.secrets or voc.webhooks.freshdesk.basic");
        }
        if (secret != null && matches(secrets, secret.strip())) {
            return;
        }
        if (authorization != null && authorization.startsWith(BASIC)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ProblemException.unauthorized("the Basic credentials are not base64");
            }
            if (matches(credentials, decoded)) {
                return;
            }
        }
        throw ProblemException.unauthorized("send the configured " + SECRET_HEADER + " or Basic credentials");
    }

    private static boolean matches(List<byte[]> known, String given) {
        byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] candidate : known) {
            match |= MessageDigest.isEqual(candidate, bytes);
        }
        return match;
    }

    private static List<byte[]> bytes(List<String> values) {
        return values.stream().map(String::strip).filter(value -> !value.isEmpty())
                .map(value -> value.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
