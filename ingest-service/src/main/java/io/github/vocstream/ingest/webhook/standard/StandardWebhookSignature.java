package io.github.vocstream.ingest.webhook.standard;

import io.github.vocstream.common.webhook.StandardWebhooks;
import io.github.vocstream.ingest.webhook.SignatureHeaders;
import io.github.vocstream.ingest.webhook.WebhookSecrets;
import io.github.vocstream.http.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Standard Webhooks signature (standardwebhooks.com): {@code webhook-signature} is a space-separated list of
 * {@code v1,<base64 HMAC-SHA256>} over {@code {webhook-id}.{webhook-timestamp}.{body}}, keyed with the base64
 * decoded secret after {@code whsec_}; any one matching passes, so senders can rotate keys.
 */
public final class StandardWebhookSignature {

    public static final String ID_HEADER = StandardWebhooks.ID_HEADER;
    public static final String TIMESTAMP_HEADER = StandardWebhooks.TIMESTAMP_HEADER;
    public static final String SIGNATURE_HEADER = StandardWebhooks.SIGNATURE_HEADER;

    private static final String VERSION = "v1,";

    private final WebhookSecrets secrets;

    public StandardWebhookSignature(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    public void verify(String id, String timestamp, String signature, byte[] body, Instant now) {
        if (!secrets.verificationRequired()) {
            return;
        }
        SignatureHeaders.require(ID_HEADER, id);
        Instant signedAt = SignatureHeaders.epochSeconds(TIMESTAMP_HEADER, timestamp);
        SignatureHeaders.require(SIGNATURE_HEADER, signature);
        secrets.requireFresh(signedAt, now);
        byte[] signed = WebhookSecrets.concat((id + "." + timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8), body);
        secrets.requireAnySignature("HmacSHA256", signed, candidates(signature));
    }

    /** The v1 signatures of the header; other versions are for other verifiers, malformed ones match nothing. */
    private static List<byte[]> candidates(String header) {
        List<byte[]> signatures = new ArrayList<>();
        for (String entry : header.strip().split(" +")) {
            if (entry.startsWith(VERSION)) {
                try {
                    signatures.add(Base64.getDecoder().decode(entry.substring(VERSION.length())));
                } catch (IllegalArgumentException e) {
                    // not base64: cannot match
                }
            }
        }
        if (signatures.isEmpty()) {
            throw ProblemException.unauthorized("the " + SIGNATURE_HEADER + " header holds no v1 signature");
        }
        return signatures;
    }
}
