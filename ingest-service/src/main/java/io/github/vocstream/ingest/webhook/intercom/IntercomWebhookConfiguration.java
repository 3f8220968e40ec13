package io.github.vocstream.ingest.webhook.intercom;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * {@code voc.webhooks.intercom.secrets}: the client secret of the Intercom app that sends the webhooks (several
 * while rotating, comma-separated; set through {@code VOC_WEBHOOKS_INTERCOM_SECRETS}).
 */
@ConfigurationProperties("voc.webhooks.intercom")
public record IntercomWebhookConfiguration(@Bindable(defaultValue = "") List<String> secrets) {

    /** How many are set, never their values: this may end up in a log line. */
    @Override
    public String toString() {
        return "IntercomWebhookConfiguration[secrets=" + secrets.size() + "]";
    }
}
