package io.github.vocstream.ingest.webhook.chatwoot;

import static io.github.vocstream.ingest.webhook.Refusals.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.vocstream.ingest.webhook.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

public class ChatwootSignatureTest {

    private static final String SECRET = "chatwoot-webhook-secret";
    private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());
    private static final byte[] BODY = "{\"event\":\"message_created\"}".getBytes(StandardCharsets.UTF_8);

    private final ChatwootSignature signature = signatureWith(List.of("rotated-in", SECRET));

    @Test
    void theTimestampDotBodyUnderAnyActiveSecretPasses() throws GeneralSecurityException {
        assertThatCode(() -> signature.verify(TIMESTAMP, sign(SECRET, TIMESTAMP, BODY), BODY, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(TIMESTAMP, sign("rotated-in", TIMESTAMP, BODY), BODY, NOW.plusSeconds(299)))
                .doesNotThrowAnyException();
    }

    @Test
    void aTamperedBodyAWrongSecretAStaleTimestampOrABadHeaderIsRefused() throws GeneralSecurityException {
        String signed = sign(SECRET, TIMESTAMP, BODY);
        String stale = Long.toString(NOW.minus(Duration.ofMinutes(6)).getEpochSecond());

        assertUnauthorized(() -> signature.verify(TIMESTAMP, signed, "{\"event\":\"message_updated\"}".getBytes(StandardCharsets.UTF_8), NOW),
                "does not match");
        assertUnauthorized(() -> signature.verify(TIMESTAMP, sign("a-guess", TIMESTAMP, BODY), BODY, NOW), "does not match");
        assertUnauthorized(() -> signature.verify(stale, sign(SECRET, stale, BODY), BODY, NOW), "away from");
        assertUnauthorized(() -> signature.verify(null, signed, BODY, NOW), "Timestamp header is missing");
        assertUnauthorized(() -> signature.verify(TIMESTAMP, null, BODY, NOW), "Signature header is missing");
        assertUnauthorized(() -> signature.verify(TIMESTAMP, signed.substring("sha256=".length()), BODY, NOW), "'sha256=<hex>'");
        assertUnauthorized(() -> signature.verify("soon", signed, BODY, NOW), "not a number of seconds");
        assertUnauthorized(() -> signatureWith(List.of()).verify(TIMESTAMP, signed, BODY, NOW), "set voc.webhooks.chatwoot.secrets");
    }

    /** Signs as Chatwoot documents it, written out here rather than through the code under test. */
    public static String sign(String secret, String timestamp, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static ChatwootSignature signatureWith(List<String> secrets) {
        return new ChatwootSignature(WebhookSecrets.utf8("chatwoot", "voc.webhooks.chatwoot.secrets", secrets,
                Duration.ofMinutes(5), false));
    }
}
