package io.github.vocstream.ingest.webhook.zammad;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/** {@code voc.webhooks.zammad.secrets}: the webhook's HMAC SHA1 signature tokens (comma-separated while rotating). */
@ConfigurationProperties("voc.webhooks.zammad")
public record ZammadWebhookConfiguration(@Bindable(defaultValue = "") List<String> secrets) {

    /** How many are set, never their values: this may end up in a log line. */
    @Override
    public String toString() {
        return "ZammadWebhookConfiguration[secrets=" + secrets.size() + "]";
    }
}
