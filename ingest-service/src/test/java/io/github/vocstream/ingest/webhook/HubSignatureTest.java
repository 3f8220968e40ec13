package io.github.vocstream.ingest.webhook;

import static io.github.vocstream.ingest.webhook.Refusals.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

public class HubSignatureTest {

    private static final String SECRET = "intercom-client-secret";
    private static final byte[] BODY = "{\"type\":\"notification_event\",\"topic\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

    private final HubSignature signature = signatureWith(List.of("rotated-in", SECRET));

    @Test
    void theHexHmacSha1OfTheBodyUnderAnyActiveSecretPasses() throws GeneralSecurityException {
        assertThatCode(() -> signature.verify(sign(SECRET, BODY), BODY)).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(sign("rotated-in", BODY), BODY)).doesNotThrowAnyException();
    }

    @Test
    void aTamperedBodyAWrongSecretOrABadHeaderIsRefused() throws GeneralSecurityException {
        String signed = sign(SECRET, BODY);
        byte[] tampered = "{\"type\":\"notification_event\",\"topic\":\"pong\"}".getBytes(StandardCharsets.UTF_8);

        assertUnauthorized(() -> signature.verify(signed, tampered), "does not match");
        assertUnauthorized(() -> signature.verify(sign("a-guess", BODY), BODY), "does not match");
        assertUnauthorized(() -> signature.verify(null, BODY), "header is missing");
        assertUnauthorized(() -> signature.verify(signed.substring("sha1=".length()), BODY), "'sha1=<hex>'");
        assertUnauthorized(() -> signature.verify("sha1=not-hex", BODY), "'sha1=<hex>'");
    }

    @Test
    void withoutASecretNothingIsAccepted() {
        assertUnauthorized(() -> signatureWith(List.of()).verify("sha1=00", BODY), "set voc.webhooks.intercom.secrets");
    }

    /** Signs as Intercom documents it, written out here rather than through the code under test. */
    public static String sign(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static HubSignature signatureWith(List<String> secrets) {
        return new HubSignature(WebhookSecrets.utf8("intercom", "voc.webhooks.intercom.secrets", secrets, Duration.ZERO, false));
    }
}
