package io.github.vocstream.ingest.webhook.zendesk;

import io.github.vocstream.ingest.webhook.SignatureHeaders;
import io.github.vocstream.ingest.webhook.WebhookSecrets;
import io.github.vocstream.http.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Zendesk's webhook signature: {@code X-Zendesk-Webhook-Signature} is the base64 HMAC-SHA256, keyed with the
 * signing secret as UTF-8, of {@code X-Zendesk-Webhook-Signature-Timestamp} immediately followed by the raw body.
 */
public final class ZendeskSignature {

    public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";

    private final WebhookSecrets secrets;

    public ZendeskSignature(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    public void verify(String timestamp, String signature, byte[] body, Instant now) {
        if (!secrets.verificationRequired()) {
            return;
        }
        SignatureHeaders.require(TIMESTAMP_HEADER, timestamp);
        SignatureHeaders.require(SIGNATURE_HEADER, signature);
        secrets.requireFresh(parse(timestamp), now);
        byte[] expectedOver = WebhookSecrets.concat(timestamp.getBytes(StandardCharsets.UTF_8), body);
        secrets.requireSignature("HmacSHA256", expectedOver, decode(signature));
    }

    private static Instant parse(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.unauthorized("the " + TIMESTAMP_HEADER + " header is not an ISO-8601 time");
        }
    }

    private static byte[] decode(String signature) {
        try {
            return Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("the " + SIGNATURE_HEADER + " header is not base64");
        }
    }
}
