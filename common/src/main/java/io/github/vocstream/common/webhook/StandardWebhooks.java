package io.github.vocstream.common.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks scheme (standardwebhooks.com), for both sides: {@code webhook-signature} holds
 * {@code v1,<base64 HMAC-SHA256>} over {@code {webhook-id}.{webhook-timestamp}.{body}}, keyed with the base64-decoded
 * secret after {@code whsec_}. Ingest verifies deliveries with it, the aggregator signs the alerts it sends.
 */
public final class StandardWebhooks {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String SECRET_PREFIX = "whsec_";

    private StandardWebhooks() {
    }

    /** The key of a {@code whsec_...} secret; an IllegalArgumentException names what is wrong with it. */
    public static byte[] key(String secret) {
        String encoded = secret.strip();
        if (!encoded.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a Standard Webhooks secret starts with " + SECRET_PREFIX);
        }
        try {
            return Base64.getDecoder().decode(encoded.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a Standard Webhooks secret is " + SECRET_PREFIX + " followed by base64", e);
        }
    }

    /** The {@code webhook-signature} value for one delivery: {@code v1,<base64>}. */
    public static String sign(byte[] key, String id, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
