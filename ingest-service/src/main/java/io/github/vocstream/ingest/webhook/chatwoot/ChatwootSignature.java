package io.github.vocstream.ingest.webhook.chatwoot;

import io.github.vocstream.ingest.webhook.WebhookSecrets;
import io.github.vocstream.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

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
        secrets.requireConfigured();
        if (timestamp == null || timestamp.isBlank()) {
            throw ProblemException.unauthorized("the " + TIMESTAMP_HEADER + " header is missing");
        }
        if (signature == null || signature.isBlank()) {
            throw ProblemException.unauthorized("the " + SIGNATURE_HEADER + " header is missing");
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException e) {
            throw ProblemException.unauthorized("the " + TIMESTAMP_HEADER + " header is not a number of seconds since 1970");
        }
        secrets.requireFresh(signedAt, now);
        String value = signature.strip();
        byte[] expected;
        try {
            if (!value.startsWith(PREFIX)) {
                throw new IllegalArgumentException("no prefix");
            }
            expected = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("the " + SIGNATURE_HEADER + " header must be 'sha256=<hex>'");
        }
        byte[] signed = WebhookSecrets.concat((timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8), body);
        secrets.requireSignature("HmacSHA256", signed, expected);
    }
}
