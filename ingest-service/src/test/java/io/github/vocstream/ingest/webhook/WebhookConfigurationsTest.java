package io.github.vocstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.ingest.feedback.ApiKeysConfiguration;
import io.github.vocstream.ingest.webhook.chatwoot.ChatwootWebhookConfiguration;
import io.github.vocstream.ingest.webhook.freshdesk.FreshdeskWebhookConfiguration;
import io.github.vocstream.ingest.webhook.helpscout.HelpScoutWebhookConfiguration;
import io.github.vocstream.ingest.webhook.intercom.IntercomWebhookConfiguration;
import io.github.vocstream.ingest.webhook.standard.StandardWebhookConfiguration;
import io.github.vocstream.ingest.webhook.trustpilot.TrustpilotWebhookConfiguration;
import io.github.vocstream.ingest.webhook.zammad.ZammadWebhookConfiguration;
import io.github.vocstream.ingest.webhook.zendesk.ZendeskWebhookConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration objects end up in log lines and error messages; none of them may show a secret. */
class WebhookConfigurationsTest {

    private static final String SECRET = "s3cret-value-9f2c";

    @Test
    void noConfigurationPrintsItsSecrets() {
        List<Object> configurations = List.of(
                new ZendeskWebhookConfiguration(List.of(SECRET), Duration.ofMinutes(5)),
                new IntercomWebhookConfiguration(List.of(SECRET)),
                new ChatwootWebhookConfiguration(List.of(SECRET), Duration.ofMinutes(5)),
                new HelpScoutWebhookConfiguration(List.of(SECRET)),
                new ZammadWebhookConfiguration(List.of(SECRET)),
                new TrustpilotWebhookConfiguration(List.of(SECRET)),
                new FreshdeskWebhookConfiguration(List.of(SECRET), List.of("user:" + SECRET), "/id", "/text",
                        "/title", "/author", "/tags", null),
                new StandardWebhookConfiguration(Map.of("acme", "whsec_" + SECRET), Duration.ofMinutes(5)),
                new ApiKeysConfiguration(Map.of("crm", SECRET), false));

        assertThat(configurations).allSatisfy(configuration ->
                assertThat(configuration.toString()).doesNotContain(SECRET).contains("Configuration["));
    }
}
