package io.github.vocstream.ingest.webhook.standard;

import static io.github.vocstream.ingest.webhook.Refusals.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vocstream.ingest.webhook.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

public class StandardWebhookSignatureTest {

    // The specification's reference test vector.
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant THEN = Instant.ofEpochSecond(1614265330);

    private final StandardWebhookSignature signature = signatureWith(List.of(SECRET));

    @Test
    void theSpecificationsTestVectorVerifies() {
        assertThatCode(() -> signature.verify(ID, TIMESTAMP, SIGNATURE, BODY, THEN)).doesNotThrowAnyException();
    }

    @Test
    void anyOneOfSeveralSignaturesAndSecretsMayMatch() {
        var rotating = signatureWith(List.of("whsec_" + Base64.getEncoder().encodeToString("new-key".getBytes(StandardCharsets.UTF_8)), SECRET));

        assertThatCode(() -> rotating.verify(ID, TIMESTAMP, "v1a,ignored v1,bm90LWl0 " + SIGNATURE, BODY, THEN))
                .doesNotThrowAnyException();
    }

    @Test
    void aTamperedBodyAWrongSecretOrAnotherIdIsRefused() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertUnauthorized(() -> signature.verify(ID, TIMESTAMP, SIGNATURE, tampered, THEN), "does not match");
        assertUnauthorized(() -> signatureWith(List.of("whsec_" + Base64.getEncoder().encodeToString(new byte[24])))
                .verify(ID, TIMESTAMP, SIGNATURE, BODY, THEN), "does not match");
        assertUnauthorized(() -> signature.verify("msg_other", TIMESTAMP, SIGNATURE, BODY, THEN), "does not match");
    }

    @Test
    void aTimestampOutsideTheWindowIsRefusedBothWays() {
        assertUnauthorized(() -> signature.verify(ID, TIMESTAMP, SIGNATURE, BODY, THEN.plus(Duration.ofMinutes(6))), "away from");
        assertUnauthorized(() -> signature.verify(ID, TIMESTAMP, SIGNATURE, BODY, THEN.minus(Duration.ofMinutes(6))), "away from");
        assertUnauthorized(() -> signature.verify(ID, "yesterday", SIGNATURE, BODY, THEN), "not a number of seconds");
    }

    @Test
    void missingHeadersOrNoVersionOneSignatureAreRefused() {
        assertUnauthorized(() -> signature.verify(null, TIMESTAMP, SIGNATURE, BODY, THEN), "webhook-id header is missing");
        assertUnauthorized(() -> signature.verify(ID, " ", SIGNATURE, BODY, THEN), "webhook-timestamp header is missing");
        assertUnauthorized(() -> signature.verify(ID, TIMESTAMP, null, BODY, THEN), "webhook-signature header is missing");
        assertUnauthorized(() -> signature.verify(ID, TIMESTAMP, "v2,abc", BODY, THEN), "no v1 signature");
    }

    @Test
    void aSourceWithoutSecretsIsRefusedAndABrokenSecretNamesOnlyItsSetting() {
        assertUnauthorized(() -> signatureWith(List.of()).verify(ID, TIMESTAMP, SIGNATURE, BODY, THEN),
                "set voc.webhooks.standard.secrets.acme");
        assertThatThrownBy(() -> signatureWith(List.of("whsec_not base64!")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("voc.webhooks.standard.secrets.acme holds a secret that is not 'whsec_' and base64");
    }

    /** Signs as the specification says, written out here rather than through the code under test. */
    public static String sign(String secret, String id, String timestamp, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static StandardWebhookSignature signatureWith(List<String> secrets) {
        return new StandardWebhookSignature(WebhookSecrets.standardWebhooks("acme", "voc.webhooks.standard.secrets.acme",
                secrets, Duration.ofMinutes(5), false));
    }
}
