package io.github.vocstream.ingest;

import io.github.vocstream.ingest.feedback.ApiKeys;
import io.github.vocstream.ingest.webhook.HubSignature;
import io.github.vocstream.ingest.webhook.HubSignatureTest;
import io.github.vocstream.ingest.webhook.chatwoot.ChatwootSignature;
import io.github.vocstream.ingest.webhook.chatwoot.ChatwootSignatureTest;
import io.github.vocstream.ingest.webhook.helpscout.HelpScoutSignature;
import io.github.vocstream.ingest.webhook.helpscout.HelpScoutSignatureTest;
import io.github.vocstream.ingest.webhook.standard.StandardWebhookSignature;
import io.github.vocstream.ingest.webhook.standard.StandardWebhookSignatureTest;
import io.github.vocstream.ingest.webhook.zendesk.ZendeskSignature;
import io.github.vocstream.ingest.webhook.zendesk.ZendeskSignatureTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every POST endpoint of ingest with a real payload for it and the credentials that let it in: the secrets of every
 * webhook, and for the keyed endpoints a client key, or none where the test opens the generic API. Tests that attack
 * the endpoints with bodies of their own sign them here, so that the bodies reach the parsers and mappers.
 */
public final class IngestEndpoints {

    private static final String ZENDESK_SECRET = "zendesk-fuzz-secret";
    private static final String INTERCOM_SECRET = "intercom-fuzz-secret";
    private static final String CHATWOOT_SECRET = "chatwoot-fuzz-secret";
    private static final String HELPSCOUT_SECRET = "helpscout-fuzz-secret";
    private static final String ZAMMAD_SECRET = "zammad-fuzz-secret";
    private static final String TRUSTPILOT_TOKEN = "trustpilot-fuzz-token";
    private static final String FRESHDESK_SECRET = "freshdesk-fuzz-secret";

    /** The headers that prove a body's sender, computed over the body where the platform signs it. */
    public interface Credentials {
        Map<String, String> headers(byte[] body) throws GeneralSecurityException;
    }

    /**
     * One endpoint, a real payload for it, and its credentials; {@code credentialHeaders} are the headers those
     * credentials travel in, for a test that sends them wrong.
     */
    public record Endpoint(String path, byte[] valid, Credentials credentials, Set<String> credentialHeaders) {

        public Map<String, String> headers(byte[] body) throws GeneralSecurityException {
            return credentials.headers(body);
        }
    }

    private IngestEndpoints() {
    }

    /** The configuration that holds every secret the endpoints are signed with. */
    public static Map<String, String> secrets() {
        return Map.of("voc.webhooks.zendesk.secrets", ZENDESK_SECRET, "voc.webhooks.intercom.secrets", INTERCOM_SECRET,
                "voc.webhooks.chatwoot.secrets", CHATWOOT_SECRET, "voc.webhooks.helpscout.secrets", HELPSCOUT_SECRET,
                "voc.webhooks.zammad.secrets", ZAMMAD_SECRET, "voc.webhooks.trustpilot.tokens", TRUSTPILOT_TOKEN,
                "voc.webhooks.freshdesk.secrets", FRESHDESK_SECRET,
                "voc.webhooks.standard.secrets.fuzz", StandardWebhookSignatureTest.SECRET);
    }

    /** Every endpoint; the keyed ones send {@code clientKey}, or nothing when it is null (an open API). */
    public static List<Endpoint> all(String clientKey) {
        Credentials key = body -> clientKey == null ? Map.of() : Map.of(ApiKeys.HEADER, clientKey);
        Set<String> keyHeaders = Set.of(ApiKeys.HEADER);
        return List.of(
                endpoint("/v1/feedback", "{\"source\":\"generic\",\"externalId\":\"fuzz-1\",\"channel\":\"review\",\"text\":\"Fine.\","
                        + "\"segments\":{\"plan\":\"pro\"}}", key, keyHeaders),
                endpoint("/v1/webhooks/zendesk", fixture("zendesk/ticket-created.json"), body -> {
                    String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
                    return Map.of(ZendeskSignature.TIMESTAMP_HEADER, timestamp,
                            ZendeskSignature.SIGNATURE_HEADER, ZendeskSignatureTest.sign(ZENDESK_SECRET, timestamp, body));
                }, Set.of(ZendeskSignature.TIMESTAMP_HEADER, ZendeskSignature.SIGNATURE_HEADER)),
                endpoint("/v1/webhooks/intercom", fixture("intercom/conversation-user-replied.json"),
                        body -> Map.of(HubSignature.HEADER, HubSignatureTest.sign(INTERCOM_SECRET, body)), Set.of(HubSignature.HEADER)),
                endpoint("/v1/webhooks/chatwoot", fixture("chatwoot/message-created-incoming.json"), body -> {
                    String timestamp = Long.toString(Instant.now().getEpochSecond());
                    return Map.of(ChatwootSignature.TIMESTAMP_HEADER, timestamp,
                            ChatwootSignature.SIGNATURE_HEADER, ChatwootSignatureTest.sign(CHATWOOT_SECRET, timestamp, body));
                }, Set.of(ChatwootSignature.TIMESTAMP_HEADER, ChatwootSignature.SIGNATURE_HEADER)),
                endpoint("/v1/webhooks/helpscout", fixture("helpscout/convo-customer-reply-created.json"),
                        body -> Map.of(HelpScoutSignature.HEADER, HelpScoutSignatureTest.sign(HELPSCOUT_SECRET, body),
                                "X-HelpScout-Event", "convo.customer.reply.created"), Set.of(HelpScoutSignature.HEADER, "X-HelpScout-Event")),
                endpoint("/v1/webhooks/zammad", fixture("zammad/customer-article.json"),
                        body -> Map.of(HubSignature.HEADER, HubSignatureTest.sign(ZAMMAD_SECRET, body)), Set.of(HubSignature.HEADER)),
                endpoint("/v1/webhooks/trustpilot/" + TRUSTPILOT_TOKEN, fixture("trustpilot/review-events.json"), body -> Map.of(), Set.of()),
                endpoint("/v1/webhooks/freshdesk", fixture("freshdesk/ticket-webhook.json"),
                        body -> Map.of("X-Webhook-Secret", FRESHDESK_SECRET), Set.of("X-Webhook-Secret", "Authorization")),
                endpoint("/v1/reviews/fuzz", fixture("reviews/feed.json"), key, keyHeaders),
                endpoint("/v1/social/mastodon", fixture("mastodon/statuses.json"), key, keyHeaders),
                endpoint("/v1/social/bluesky", fixture("bluesky/jetstream-events.json"), key, keyHeaders),
                endpoint("/v1/social/reddit", fixture("reddit/comments.json"), key, keyHeaders),
                endpoint("/v1/feedback/retractions", "[{\"source\":\"fuzz\",\"externalId\":\"gone-1\"}]", key, keyHeaders),
                endpoint("/v1/erasures", "[{\"source\":\"fuzz\",\"author\":\"jane@example.com\"}]", key, keyHeaders),
                endpoint("/v1/webhooks/standard/fuzz", "[{\"source\":\"fuzz\",\"externalId\":\"fuzz-1\",\"channel\":\"ticket\","
                        + "\"text\":\"Good.\"},{\"source\":\"fuzz\",\"externalId\":\"fuzz-2\",\"channel\":\"ticket\",\"text\":\"Also good.\"}]",
                        body -> {
                            String id = "msg_fuzz";
                            String timestamp = Long.toString(Instant.now().getEpochSecond());
                            return Map.of(StandardWebhookSignature.ID_HEADER, id, StandardWebhookSignature.TIMESTAMP_HEADER, timestamp,
                                    StandardWebhookSignature.SIGNATURE_HEADER,
                                    StandardWebhookSignatureTest.sign(StandardWebhookSignatureTest.SECRET, id, timestamp, body));
                        }, Set.of(StandardWebhookSignature.ID_HEADER, StandardWebhookSignature.TIMESTAMP_HEADER,
                                StandardWebhookSignature.SIGNATURE_HEADER)));
    }

    /** The properties of a test that uses {@link #all} with {@code clientKey}: every secret, and the key's client. */
    public static Map<String, String> properties(String clientKey) {
        Map<String, String> properties = new HashMap<>(secrets());
        properties.putAll(Map.of("voc.ingest.open", "false", "voc.ingest.api-keys.fuzz-client", clientKey,
                "voc.ingest.client-sources.fuzz-client", "*"));
        return properties;
    }

    /** A payload from {@code src/test/resources/fixtures}, e.g. {@code zendesk/ticket-created.json}. */
    public static byte[] fixture(String path) {
        try (InputStream in = IngestEndpoints.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Endpoint endpoint(String path, String valid, Credentials credentials, Set<String> headers) {
        return new Endpoint(path, valid.getBytes(StandardCharsets.UTF_8), credentials, headers);
    }

    private static Endpoint endpoint(String path, byte[] valid, Credentials credentials, Set<String> headers) {
        return new Endpoint(path, valid, credentials, headers);
    }
}
