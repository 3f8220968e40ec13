package io.github.vocstream.aggregator.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Map;

/**
 * {@code voc.query.api-keys.<client>}: the query API's read key of each client (a dashboard, a report);
 * {@code voc.query.open}: answer without a key (off unless set).
 */
@ConfigurationProperties("voc.query")
public record QueryAccessConfiguration(@Nullable Map<String, String> apiKeys, @Bindable(defaultValue = "false") boolean open) {

    /** The clients, never their keys: this may end up in a log line. */
    @Override
    public String toString() {
        return "QueryAccessConfiguration[clients=" + (apiKeys == null ? "[]" : apiKeys.keySet()) + ", open=" + open + "]";
    }
}
