package io.github.vocstream.ingest.feedback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Map;

/**
 * {@code voc.ingest.api-keys.<client>}: the generic API's key of each client; {@code voc.ingest.client-sources.<client>}:
 * the sources it may write and retract, comma-separated, {@code *} for any (unset: only the source of its own name);
 * {@code voc.ingest.open}: take requests without a key (off unless set).
 */
@ConfigurationProperties("voc.ingest")
public record ApiKeysConfiguration(@Nullable Map<String, String> apiKeys, @Bindable(defaultValue = "false") boolean open,
                                   @Nullable Map<String, String> clientSources) {

    public ApiKeysConfiguration(Map<String, String> apiKeys, boolean open) {
        this(apiKeys, open, null);
    }

    /** The clients, never their keys: this may end up in a log line. */
    @Override
    public String toString() {
        return "ApiKeysConfiguration[clients=" + (apiKeys == null ? "[]" : apiKeys.keySet()) + ", open=" + open
                + ", clientSources=" + clientSources + "]";
    }
}
