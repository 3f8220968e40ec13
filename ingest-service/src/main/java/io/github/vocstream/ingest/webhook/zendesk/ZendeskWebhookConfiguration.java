package io.github.vocstream.ingest.webhook.zendesk;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code voc.webhooks.zendesk.*}: the webhook signing secrets (more than one while rotating; set them through
 * {@code VOC_WEBHOOKS_ZENDESK_SECRETS}, never in a file under version control) and how far a signature timestamp
 * may be from our clock.
 */
@ConfigurationProperties("voc.webhooks.zendesk")
public record ZendeskWebhookConfiguration(
        @Bindable(defaultValue = "") List<String> secrets,
        @Bindable(defaultValue = "5m") Duration tolerance) {

    /** How many secrets are set, never their values: this may end up in a log line. */
    @Override
    public String toString() {
        return "ZendeskWebhookConfiguration[secrets=" + secrets.size() + ", tolerance=" + tolerance + "]";
    }
}
