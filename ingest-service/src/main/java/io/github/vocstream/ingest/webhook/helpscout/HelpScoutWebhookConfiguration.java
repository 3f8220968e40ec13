package io.github.vocstream.ingest.webhook.helpscout;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/** {@code voc.webhooks.helpscout.secrets}: the webhook's secret keys (comma-separated while rotating). */
@ConfigurationProperties("voc.webhooks.helpscout")
public record HelpScoutWebhookConfiguration(@Bindable(defaultValue = "") List<String> secrets) {

    /** How many are set, never their values: this may end up in a log line. */
    @Override
    public String toString() {
        return "HelpScoutWebhookConfiguration[secrets=" + secrets.size() + "]";
    }
}
