package io.github.vocstream.ingest.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * {@code voc.webhooks.open}: the webhook sources that take deliveries without a signature or token while none is
 * configured for them, e.g. {@code zendesk,standard/acme} (through {@code VOC_WEBHOOKS_OPEN}). For a sender behind
 * one's own authenticating proxy, or a demo; empty unless set.
 */
@ConfigurationProperties("voc.webhooks")
public record OpenWebhooksConfiguration(@Bindable(defaultValue = "") List<String> open) {
}
