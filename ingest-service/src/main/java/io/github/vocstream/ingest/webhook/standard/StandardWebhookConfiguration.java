package io.github.vocstream.ingest.webhook.standard;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code voc.webhooks.standard.*}: for each source that signs by the Standard Webhooks specification, its
 * {@code whsec_} secrets, comma-separated while rotating ({@code VOC_WEBHOOKS_STANDARD_SECRETS_<SOURCE>}), and how
 * far a signature timestamp may be from our clock. A source with no secret is refused.
 */
@ConfigurationProperties("voc.webhooks.standard")
public record StandardWebhookConfiguration(
        @Nullable Map<String, String> secrets,
        @Bindable(defaultValue = "5m") Duration tolerance) {

    /** The sources that have secrets, never the secrets: this may end up in a log line. */
    @Override
    public String toString() {
        return "StandardWebhookConfiguration[sources=" + (secrets == null ? "[]" : new TreeSet<>(secrets.keySet()))
                + ", tolerance=" + tolerance + "]";
    }

    public List<String> secretsOf(String source) {
        String configured = secrets == null ? null : secrets.get(source);
        return configured == null ? List.of() : Arrays.asList(configured.split(","));
    }
}
