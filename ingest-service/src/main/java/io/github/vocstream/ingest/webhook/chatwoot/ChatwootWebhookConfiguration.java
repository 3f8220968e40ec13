package io.github.vocstream.ingest.webhook.chatwoot;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code voc.webhooks.chatwoot.*}: the webhook's secrets (several while rotating, comma-separated; set through
 * {@code VOC_WEBHOOKS_CHATWOOT_SECRETS}) and how far a signature timestamp may be from our clock.
 */
@ConfigurationProperties("voc.webhooks.chatwoot")
public record ChatwootWebhookConfiguration(
        @Bindable(defaultValue = "") List<String> secrets,
        @Bindable(defaultValue = "5m") Duration tolerance) {

    /** How many secrets are set, never their values: this may end up in a log line. */
    @Override
    public String toString() {
        return "ChatwootWebhookConfiguration[secrets=" + secrets.size() + ", tolerance=" + tolerance + "]";
    }
}
