package io.github.vocstream.ingest.webhook;

/**
 * The {@code X-Hub-Signature: sha1=<hex>} scheme of Intercom and Zammad: the hex HMAC-SHA1 of the raw body, keyed
 * with the app's secret. It signs no timestamp, so a replay cannot be told from a retry; both map to the same
 * feedback id and count once.
 */
public final class HubSignature {

    public static final String HEADER = "X-Hub-Signature";
    private static final String PREFIX = "sha1=";

    private final WebhookSecrets secrets;

    public HubSignature(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    public void verify(String header, byte[] body) {
        if (!secrets.verificationRequired()) {
            return;
        }
        secrets.requireSignature("HmacSHA1", body, SignatureHeaders.prefixedHex(HEADER, header, PREFIX));
    }
}
