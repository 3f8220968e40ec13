package io.github.vocstream.ingest.webhook.trustpilot;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * {@code voc.webhooks.trustpilot.tokens}: Trustpilot signs nothing, so its webhook URL carries a secret token,
 * {@code /v1/webhooks/trustpilot/<token>}. Several may be active while rotating (comma-separated, through
 * {@code VOC_WEBHOOKS_TRUSTPILOT_TOKENS}); none configured refuses every delivery.
 */
@ConfigurationProperties("voc.webhooks.trustpilot")
public record TrustpilotWebhookConfiguration(@Bindable(defaultValue = "") List<String> tokens) {

    /** How many are set, never their values: this may end up in a log line. */
    @Override
    public String toString() {
        return "TrustpilotWebhookConfiguration[tokens=" + tokens.size() + "]";
    }
}
