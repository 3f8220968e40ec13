package io.github.vocstream.ingest.webhook.helpscout;

import static io.github.vocstream.ingest.webhook.Refusals.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.vocstream.ingest.webhook.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

public class HelpScoutSignatureTest {

    private static final String SECRET = "helpscout-secret-key";
    private static final byte[] BODY = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

    private final HelpScoutSignature signature = signatureWith(List.of(SECRET, "rotated-in"));

    @Test
    void theBase64HmacSha1OfTheBodyPasses() throws GeneralSecurityException {
        assertThatCode(() -> signature.verify(sign(SECRET, BODY), BODY)).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(sign("rotated-in", BODY), BODY)).doesNotThrowAnyException();
    }

    @Test
    void aTamperedBodyAWrongSecretOrABadHeaderIsRefused() throws GeneralSecurityException {
        assertUnauthorized(() -> signature.verify(sign(SECRET, BODY), "{\"id\":2}".getBytes(StandardCharsets.UTF_8)), "does not match");
        assertUnauthorized(() -> signature.verify(sign("a-guess", BODY), BODY), "does not match");
        assertUnauthorized(() -> signature.verify(null, BODY), "header is missing");
        assertUnauthorized(() -> signature.verify("%%%", BODY), "not base64");
        assertUnauthorized(() -> signatureWith(List.of()).verify(sign(SECRET, BODY), BODY), "set voc.webhooks.helpscout.secrets");
    }

    /** Signs as Help Scout documents it, written out here rather than through the code under test. */
    public static String sign(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static HelpScoutSignature signatureWith(List<String> secrets) {
        return new HelpScoutSignature(WebhookSecrets.utf8("helpscout", "voc.webhooks.helpscout.secrets", secrets, Duration.ZERO, false));
    }
}
