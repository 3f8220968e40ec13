package io.github.vocstream.ingest.webhook.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.vocstream.ingest.webhook.WebhookSecrets;
import io.github.vocstream.http.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

public class ZendeskSignatureTest {

    private static final String SECRET = "dGhpcy1pcy1hLXplbmRlc2stc2VjcmV0";
    private static final Instant NOW = Instant.parse("2026-11-23T09:12:41Z");
    private static final String TIMESTAMP = "2026-11-23T09:12:40Z";
    private static final byte[] BODY = "{\"type\":\"zen:event-type:ticket.created\"}".getBytes(StandardCharsets.UTF_8);

    private final ZendeskSignature signature = signatureWith(List.of("the-new-secret", SECRET), false);

    @Test
    void aBodySignedWithAnyActiveSecretPasses() {
        assertThatCode(() -> signature.verify(TIMESTAMP, sign(SECRET, TIMESTAMP, BODY), BODY, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(TIMESTAMP, sign("the-new-secret", TIMESTAMP, BODY), BODY, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aTamperedBodyIsRefused() {
        byte[] tampered = "{\"type\":\"zen:event-type:ticket.created\" }".getBytes(StandardCharsets.UTF_8);

        assertUnauthorized(() -> signature.verify(TIMESTAMP, sign(SECRET, TIMESTAMP, BODY), tampered, NOW), "does not match");
    }

    @Test
    void aWrongSecretIsRefused() {
        assertUnauthorized(() -> signature.verify(TIMESTAMP, sign("guessed", TIMESTAMP, BODY), BODY, NOW), "does not match");
    }

    @Test
    void aTimestampOutsideTheWindowIsRefusedEitherWay() {
        String stale = "2026-11-23T09:06:40Z";
        String future = "2026-11-23T09:18:42Z";

        assertUnauthorized(() -> signature.verify(stale, sign(SECRET, stale, BODY), BODY, NOW), "away from the server's clock");
        assertUnauthorized(() -> signature.verify(future, sign(SECRET, future, BODY), BODY, NOW), "away from the server's clock");
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        String signed = sign(SECRET, TIMESTAMP, BODY);

        assertUnauthorized(() -> signature.verify(null, signed, BODY, NOW), "Timestamp header is missing");
        assertUnauthorized(() -> signature.verify(TIMESTAMP, null, BODY, NOW), "Signature header is missing");
        assertUnauthorized(() -> signature.verify("yesterday", signed, BODY, NOW), "not an ISO-8601 time");
        assertUnauthorized(() -> signature.verify(TIMESTAMP, "%%%", BODY, NOW), "not base64");
    }

    @Test
    void withoutAConfiguredSecretNothingIsAccepted() {
        var unconfigured = signatureWith(List.of(), false);

        assertUnauthorized(() -> unconfigured.verify(TIMESTAMP, sign(SECRET, TIMESTAMP, BODY), BODY, NOW),
                "set voc.webhooks.zendesk.secrets");
    }

    @Test
    void aSourceDeclaredOpenTakesUnsignedDeliveriesOnlyWhileItHasNoSecret() {
        assertThatCode(() -> signatureWith(List.of(), true).verify(null, null, BODY, NOW)).doesNotThrowAnyException();

        var openButConfigured = signatureWith(List.of(SECRET), true);
        assertUnauthorized(() -> openButConfigured.verify(null, null, BODY, NOW), "Timestamp header is missing");
        assertUnauthorized(() -> openButConfigured.verify(TIMESTAMP, sign("a-guess", TIMESTAMP, BODY), BODY, NOW), "does not match");
    }

    private static ZendeskSignature signatureWith(List<String> secrets, boolean open) {
        return new ZendeskSignature(WebhookSecrets.utf8("zendesk", "voc.webhooks.zendesk.secrets", secrets, Duration.ofMinutes(5), open));
    }

    /** Signs as Zendesk documents it, written out here rather than through the code under test. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertUnauthorized(Runnable verification, String detail) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, verification::run);
        assertThat(problem).as("expected a refusal").isNotNull();
        assertThat(problem.status().getCode()).isEqualTo(401);
        assertThat(problem.getMessage()).contains(detail);
    }
}
