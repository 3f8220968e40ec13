package io.github.vocstream.ingest.webhook;

import io.github.vocstream.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every signed webhook shares: the active secrets of one source (several, so they can be rotated), HMAC over
 * the raw request bytes, constant-time comparison, and a window outside which a timestamp is refused as a replay.
 * Failures say what is wrong, never which secret or what signature was expected.
 */
public final class WebhookSecrets {

    private final String source;
    private final List<String> secrets;
    private final Duration tolerance;

    public WebhookSecrets(String source, List<String> secrets, Duration tolerance) {
        this.source = source;
        this.secrets = secrets == null ? List.of() : secrets.stream().filter(secret -> !secret.isBlank()).toList();
        this.tolerance = tolerance;
    }

    /** Refuses at once when no secret is configured: an unsigned source is never open by accident. */
    public void requireConfigured() {
        if (secrets.isEmpty()) {
            throw ProblemException.unauthorized("no signing secret is configured for " + source
                    + " webhooks, so none are accepted; set voc.webhooks." + source + ".secrets");
        }
    }

    public void requireFresh(Instant timestamp, Instant now) {
        if (Duration.between(timestamp, now).abs().compareTo(tolerance) > 0) {
            throw ProblemException.unauthorized("the signature timestamp " + timestamp + " is more than " + tolerance
                    + " away from the server's clock");
        }
    }

    /** Passes when {@code signature} matches the HMAC of {@code signedBytes} under any active secret. */
    public void requireSignature(String algorithm, byte[] signedBytes, byte[] signature) {
        requireConfigured();
        for (String secret : secrets) {
            if (MessageDigest.isEqual(hmac(algorithm, secret.getBytes(StandardCharsets.UTF_8), signedBytes), signature)) {
                return;
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
}
