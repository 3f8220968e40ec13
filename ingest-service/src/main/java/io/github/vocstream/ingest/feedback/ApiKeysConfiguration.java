package io.github.vocstream.ingest.feedback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Map;

/**
 * {@code voc.ingest.api-keys.<client>}: the generic API's key of each client; {@code voc.ingest.open}: take
 * requests without a key (off unless set).
 */
@ConfigurationProperties("voc.ingest")
public record ApiKeysConfiguration(@Nullable Map<String, String> apiKeys, @Bindable(defaultValue = "false") boolean open) {

    /** The clients, never their keys: this may end up in a log line. */
    @Override
    public String toString() {
        return "ApiKeysConfiguration[clients=" + (apiKeys == null ? "[]" : apiKeys.keySet()) + ", open=" + open + "]";
    }
}
