package io.github.vocstream.ingest.webhook.helpscout;

import io.github.vocstream.ingest.webhook.SignatureHeaders;
import io.github.vocstream.ingest.webhook.WebhookSecrets;
import io.github.vocstream.http.problem.ProblemException;
import java.util.Base64;

/**
 * Help Scout's webhook signature: {@code X-HelpScout-Signature} is the base64 HMAC-SHA1 of the raw body, keyed with
 * the webhook's secret key. It signs no timestamp; a replay maps to the same thread id and counts once.
 */
public final class HelpScoutSignature {

    public static final String HEADER = "X-HelpScout-Signature";

    private final WebhookSecrets secrets;

    public HelpScoutSignature(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    public void verify(String signature, byte[] body) {
        if (!secrets.verificationRequired()) {
            return;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(SignatureHeaders.require(HEADER, signature));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("the " + HEADER + " header is not base64");
        }
        secrets.requireSignature("HmacSHA1", body, expected);
    }
}
