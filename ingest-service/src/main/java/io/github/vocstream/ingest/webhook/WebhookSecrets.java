package io.github.vocstream.ingest.webhook;

import io.github.vocstream.http.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every signed webhook shares: the active keys of one source (several, so they can be rotated), HMAC over
 * the raw request bytes, constant-time comparison, and a window outside which a timestamp is refused as a replay.
 * Failures say what is wrong, never which secret or what signature was expected.
 */
public final class WebhookSecrets {

    private static final String STANDARD_PREFIX = "whsec_";

    private final String source;
    private final String setting;
    private final List<byte[]> keys;
    private final Duration tolerance;
    private final boolean open;

    private WebhookSecrets(String source, String setting, List<byte[]> keys, Duration tolerance, boolean open) {
        this.source = source;
        this.setting = setting;
        this.keys = keys;
        this.tolerance = tolerance;
        this.open = open;
    }

    /**
     * Secrets used as keys as they are written (UTF-8), as Zendesk, Intercom and most platforms do; {@code open}:
     * the source was declared open ({@link OpenWebhooks}).
     */
    public static WebhookSecrets utf8(String source, String setting, List<String> secrets, Duration tolerance, boolean open) {
        return new WebhookSecrets(source, setting, keys(secrets, secret -> secret.getBytes(StandardCharsets.UTF_8)), tolerance, open);
    }

    /** Standard Webhooks secrets: {@code whsec_} and the base64 of the key. */
    public static WebhookSecrets standardWebhooks(String source, String setting, List<String> secrets, Duration tolerance,
                                                  boolean open) {
        return new WebhookSecrets(source, setting, keys(secrets, secret -> {
            String encoded = secret.startsWith(STANDARD_PREFIX) ? secret.substring(STANDARD_PREFIX.length()) : secret;
            try {
                return Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                // Never the secret itself in a message: only where it is set.
                throw new IllegalStateException(setting + " holds a secret that is not 'whsec_' and base64");
            }
        }), tolerance, open);
    }

    private static List<byte[]> keys(List<String> secrets, Function<String, byte[]> decode) {
        return secrets == null ? List.of()
                : secrets.stream().map(String::strip).filter(secret -> !secret.isEmpty()).map(decode).toList();
    }

    /**
     * Whether a delivery must be verified: always once a secret is configured. Without one it is refused at once,
     * so that an unsigned source is never open by accident, unless the source was declared open.
     */
    public boolean verificationRequired() {
        if (!keys.isEmpty()) {
            return true;
        }
        if (open) {
            return false;
        }
        throw ProblemException.unauthorized("no signing secret is configured for " + source
                + " webhooks, so none are accepted; set " + setting);
    }

    public void requireFresh(Instant timestamp, Instant now) {
        if (Duration.between(timestamp, now).abs().compareTo(tolerance) > 0) {
            throw ProblemException.unauthorized("the signature timestamp " + timestamp + " is more than " + tolerance
                    + " away from the server's clock");
        }
    }

    /** Passes when {@code signature} matches the HMAC of {@code signedBytes} under any active key. */
    public void requireSignature(String algorithm, byte[] signedBytes, byte[] signature) {
        requireAnySignature(algorithm, signedBytes, List.of(signature));
    }

    /** Passes when any of {@code signatures} matches the HMAC of {@code signedBytes} under any active key. */
    public void requireAnySignature(String algorithm, byte[] signedBytes, List<byte[]> signatures) {
        // Without keys nothing matches: refused.
        for (byte[] key : keys) {
            byte[] expected = hmac(algorithm, key, signedBytes);
            for (byte[] signature : signatures) {
                if (MessageDigest.isEqual(expected, signature)) {
                    return;
                }
            }
        }
        throw ProblemException.unauthorized("the " + source + " webhook signature does not match the body");
    }

    public static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot compute " + algorithm, e);
        }
    }

    /** {@code parts} one after the other, as the signed bytes of most schemes are built. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
