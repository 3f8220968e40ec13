package io.github.vocstream.ingest.webhook.chatwoot;

import io.github.vocstream.ingest.webhook.SignatureHeaders;
import io.github.vocstream.ingest.webhook.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Chatwoot's webhook signature: {@code X-Chatwoot-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * {@code {X-Chatwoot-Timestamp}.{body}} keyed with the webhook's secret; the timestamp is seconds since 1970.
 */
public final class ChatwootSignature {

    public static final String SIGNATURE_HEADER = "X-Chatwoot-Signature";
    public static final String TIMESTAMP_HEADER = "X-Chatwoot-Timestamp";
    private static final String PREFIX = "sha256=";

    private final WebhookSecrets secrets;

    public ChatwootSignature(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    public void verify(String timestamp, String signature, byte[] body, Instant now) {
        if (!secrets.verificationRequired()) {
            return;
        }
        Instant signedAt = SignatureHeaders.epochSeconds(TIMESTAMP_HEADER, timestamp);
        byte[] expected = SignatureHeaders.prefixedHex(SIGNATURE_HEADER, signature, PREFIX);
        secrets.requireFresh(signedAt, now);
        byte[] signed = WebhookSecrets.concat((timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8), body);
        secrets.requireSignature("HmacSHA256", signed, expected);
    }
}
