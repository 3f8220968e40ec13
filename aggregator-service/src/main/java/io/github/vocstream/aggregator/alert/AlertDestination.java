package io.github.vocstream.aggregator.alert;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code voc.alerts.destinations.<name>}: where alerts are sent. {@code format} {@code standard} (the default) posts
 * the alert's JSON signed by the Standard Webhooks scheme with {@code secret} ({@code whsec_...}), the alert id as
 * {@code webhook-id}; {@code slack} posts a Slack incoming-webhook message, whose URL is the secret.
 */
@EachProperty("voc.alerts.destinations")
public record AlertDestination(@Parameter String name, String url, @Nullable String secret,
                               @Bindable(defaultValue = "standard") String format) {

    public boolean slack() {
        return "slack".equals(format);
    }

    @Override
    public String toString() {
        // The secret, and a Slack URL, which is one, stay out of logs.
        return "AlertDestination[name=" + name + ", format=" + format + "]";
    }
}
